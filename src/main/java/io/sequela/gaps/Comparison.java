package io.sequela.gaps;

import io.sequela.config.SequenceMode;
import io.sequela.stats.DifferenceInterval;
import java.util.Locale;
import java.util.Optional;

/**
 * What ORDER costs against NOORDER in one test: the verdict (ORDER minus NOORDER insert latency, median and mean,
 * with 95 % intervals, and the throughput difference), plus the older ratios NOORDER / ORDER (above 1: NOORDER is
 * higher) and differences NOORDER - ORDER. A ratio or difference is null when either side is missing or 0.
 *
 * @param medianDiff ORDER minus NOORDER median insert latency with its interval, µs; null without latencies
 * @param meanDiff ORDER minus NOORDER mean insert latency with its interval, µs; null without latencies
 * @param throughputDiffPct (ORDER - NOORDER) / NOORDER rows per second, in %
 * @param verdict one sentence: what ORDER costs per insert, or that no difference was measurable
 * @param meanLatencyRatio mean insert latency, NOORDER / ORDER
 * @param p99LatencyRatio 99th percentile insert latency, NOORDER / ORDER
 * @param throughputRatio rows per second (all nodes, first to last row), NOORDER / ORDER
 * @param inversionsTotalDiff total inversions, NOORDER - ORDER
 * @param inversionsAdjacentDiff adjacent inversions, NOORDER - ORDER
 * @param gapCountDiff gaps, NOORDER - ORDER
 * @param missingDiff missing ids, NOORDER - ORDER
 */
public record Comparison(
    DifferenceInterval medianDiff, DifferenceInterval meanDiff, Double throughputDiffPct, String verdict,
    Double meanLatencyRatio, Double p99LatencyRatio, Double throughputRatio, long inversionsTotalDiff,
    long inversionsAdjacentDiff, long gapCountDiff, long missingDiff) {

  /**
   * The comparison of a test, empty when it lacks either mode.
   *
   * @param latencies the run's latencies ({@link Latencies#none()} when there are none)
   */
  public static Optional<Comparison> of(TestFigures test, Latencies latencies) {
    var order = test.mode(SequenceMode.ORDER);
    var noorder = test.mode(SequenceMode.NOORDER);
    if (order.isEmpty() || noorder.isEmpty()) {
      return Optional.empty();
    }
    ModeFigures o = order.get();
    ModeFigures n = noorder.get();
    var lo = latencies.mode(test.testName(), SequenceMode.ORDER);
    var ln = latencies.mode(test.testName(), SequenceMode.NOORDER);
    Double mean = lo.isPresent() && ln.isPresent() ? GapMath.ratio(ln.get().meanUs(), lo.get().meanUs()) : null;
    Double p99 = lo.isPresent() && ln.isPresent()
        ? GapMath.ratio((double) ln.get().p99Us(), (double) lo.get().p99Us()) : null;
    Double ratio = GapMath.ratio(n.rowsPerSecond(), o.rowsPerSecond());
    Double throughputPct = GapMath.ratio(o.rowsPerSecond(), n.rowsPerSecond());
    throughputPct = throughputPct == null ? null : (throughputPct - 1) * 100;
    Optional<Latencies.Difference> d = latencies.difference(test.testName());
    return Optional.of(new Comparison(d.map(Latencies.Difference::median).orElse(null),
        d.map(Latencies.Difference::mean).orElse(null), throughputPct, verdict(d, throughputPct, latencies.source()),
        mean, p99, ratio, n.order().totalInversions() - o.order().totalInversions(),
        n.order().adjacentInversions() - o.order().adjacentInversions(),
        n.gapCount() - o.gapCount(), n.missing() - o.missing()));
  }

  /**
   * The verdict: "ORDER costs +182 µs per insert (median, 95 % CI +151 to +214 µs) and 12 % of throughput" when
   * the median interval lies above 0, "ORDER saves ..." below 0, else "no measurable latency difference (median,
   * 95 % CI -8 to +11 µs)".
   */
  static String verdict(Optional<Latencies.Difference> d, Double throughputPct, Latencies.Source source) {
    if (d.isEmpty()) {
      return "no latency verdict: a mode has no recorded inserts";
    }
    DifferenceInterval m = d.get().median();
    String ci = String.format(Locale.ROOT, "(median, %.0f %% CI %s to %s µs)", m.confidence() * 100, us(m.low()),
        us(m.high()));
    String s;
    if (!m.excludesZero()) {
      s = "no measurable latency difference " + ci;
    } else {
      s = (m.estimate() >= 0 ? "ORDER costs " + us(m.estimate()) : "ORDER saves " + us(-m.estimate()).substring(1))
          + " µs per insert " + ci;
    }
    if (throughputPct != null) {
      s += throughputPct < 0 ? String.format(Locale.ROOT, " and %.0f %% of throughput", -throughputPct)
          : String.format(Locale.ROOT, "; throughput %+.0f %%", throughputPct);
    }
    return source == Latencies.Source.GATLING_MS ? s + " (from Gatling's whole-ms response times)" : s;
  }

  private static String us(double v) {
    return String.format(Locale.ROOT, Math.abs(v) < 10 && v != Math.rint(v) ? "%+.1f" : "%+.0f", v);
  }
}

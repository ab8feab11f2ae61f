package io.sequela.report;

import io.sequela.design.BlockInterval;
import io.sequela.design.DesignResult;
import io.sequela.gaps.Comparison;
import io.sequela.gaps.GapAnalysisResult;
import io.sequela.stats.DifferenceInterval;
import io.sequela.stats.LatencySummary;
import io.sequela.gaps.Latencies;
import io.sequela.gaps.ModeFigures;
import io.sequela.gaps.TestFigures;
import io.sequela.config.SequenceMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ORDER vs NOORDER comparison as a plain-text table for the console: every test's verdict first, then one
 * block per test. Latencies in µs.
 */
public final class ComparisonTable {

  private static final String ROW = "%-22s %14s %14s %24s%n";
  /** What the change column means, printed under the tables. */
  static final String CHANGE = "change: ORDER - NOORDER from the paired blocks with its 95 % interval [low, high] for "
      + "median and mean latency (mean over the block pairs of the blocks' medians / means); NOORDER / ORDER (x) for p99 "
      + "and throughput; NOORDER - ORDER (+/-) for counts (gaps, inversions and islands counted within each block and "
      + "summed per mode)";

  private ComparisonTable() {}

  /** Rows of one figure without a design's verdict (change columns of the latencies left empty). */
  static List<String[]> rows(TestFigures t, Latencies latencies) {
    return rows(t, latencies, null);
  }

  /** Rows of one figure: name, ORDER, NOORDER, change (see {@link #CHANGE}). */
  static List<String[]> rows(TestFigures t, Latencies latencies, DesignResult design) {
    Optional<ModeFigures> o = t.mode(SequenceMode.ORDER);
    Optional<ModeFigures> n = t.mode(SequenceMode.NOORDER);
    Optional<LatencySummary> lo = latencies.mode(t.testName(), SequenceMode.ORDER);
    Optional<LatencySummary> ln = latencies.mode(t.testName(), SequenceMode.NOORDER);
    Optional<Comparison> c = Comparison.of(t, latencies);
    Optional<io.sequela.design.BlockVerdict> v = design == null ? Optional.empty() : design.verdict();
    List<String[]> rows = new ArrayList<>();
    rows.add(row("rows", o.map(ModeFigures::rows), n.map(ModeFigures::rows), ""));
    rows.add(row("median latency (µs)", lo.map(LatencySummary::p50Us), ln.map(LatencySummary::p50Us),
        blockInterval(v.flatMap(io.sequela.design.BlockVerdict::medianUs))));
    rows.add(row("mean latency (µs)", lo.map(LatencySummary::meanUs), ln.map(LatencySummary::meanUs),
        blockInterval(v.flatMap(io.sequela.design.BlockVerdict::meanUs))));
    rows.add(row("p99 latency (µs)", lo.map(LatencySummary::p99Us), ln.map(LatencySummary::p99Us),
        ratio(c.map(Comparison::p99LatencyRatio))));
    rows.add(row("throughput (rows/s)", o.flatMap(m -> Optional.ofNullable(m.rowsPerSecond())),
        n.flatMap(m -> Optional.ofNullable(m.rowsPerSecond())), ratio(c.map(Comparison::throughputRatio))));
    rows.add(row("inversions (total)", o.map(m -> m.order().totalInversions()), n.map(m -> m.order().totalInversions()),
        diff(c.map(Comparison::inversionsTotalDiff))));
    rows.add(row("inversions (adjacent)", o.map(m -> m.order().adjacentInversions()),
        n.map(m -> m.order().adjacentInversions()), diff(c.map(Comparison::inversionsAdjacentDiff))));
    rows.add(row("gaps", o.map(ModeFigures::gapCount), n.map(ModeFigures::gapCount), diff(c.map(Comparison::gapCountDiff))));
    rows.add(row("missing ids", o.map(ModeFigures::missing), n.map(ModeFigures::missing), diff(c.map(Comparison::missingDiff))));
    if (o.map(ModeFigures::missingByDesign).orElse(0L) + n.map(ModeFigures::missingByDesign).orElse(0L) > 0) {
      rows.add(row("missing by design", o.map(ModeFigures::missingByDesign), n.map(ModeFigures::missingByDesign), ""));
    }
    long koOrder = latencies.koCount(t.testName(), SequenceMode.ORDER);
    long koNoorder = latencies.koCount(t.testName(), SequenceMode.NOORDER);
    if (koOrder + koNoorder > 0) {
      rows.add(row("failed inserts (KO)", Optional.of(koOrder), Optional.of(koNoorder), ""));
    }
    rows.add(row("mean island length", o.map(ModeFigures::meanIslandLength), n.map(ModeFigures::meanIslandLength), ""));
    return rows;
  }

  /** The verdict of a test without a design (per-insert bootstrap), or null when it lacks a mode. */
  static String verdict(TestFigures t, Latencies latencies) {
    return Comparison.of(t, latencies).map(Comparison::verdict).orElse(null);
  }

  /** The verdict of a test: its design's from the blocks when there is one, else {@link #verdict(TestFigures, Latencies)}. */
  static String verdict(TestFigures t, Latencies latencies, Map<String, DesignResult> designs) {
    DesignResult d = designs.get(t.testName());
    return d != null ? DesignSection.verdict(d) : designs.isEmpty() ? verdict(t, latencies) : null;
  }

  /** As {@link #render(GapAnalysisResult, Latencies, Map)} without a design. */
  public static String render(GapAnalysisResult result, Latencies latencies) {
    return render(result, latencies, Map.of());
  }

  /**
   * The table of every test of a run: first each test's verdict on a line of its own and its design (stamp, order,
   * warm-ups), then a header line with run, dialect and time basis, then per test the figures with columns ORDER,
   * NOORDER and change.
   *
   * @param designs per test, its design's result (the block-level verdict); empty for none
   */
  public static String render(GapAnalysisResult result, Latencies latencies, Map<String, DesignResult> designs) {
    StringBuilder b = new StringBuilder();
    for (TestFigures t : result.tests()) {
      String v = verdict(t, latencies, designs);
      if (v != null) {
        b.append(t.testName()).append(": ").append(v).append(System.lineSeparator());
      }
      DesignResult d = designs.get(t.testName());
      if (d != null) {
        b.append(t.testName()).append(": design ").append(DesignSection.designLine(d)).append(System.lineSeparator());
      }
    }
    b.append(String.format(Locale.ROOT, "sequence gaps: run %s, %s, ordered by %s%n", result.runId(), result.dialect(),
        result.timeBasis()));
    for (TestFigures t : result.tests()) {
      b.append(String.format(Locale.ROOT, ROW, t.testName(), "ORDER", "NOORDER", "change"));
      for (String[] r : rows(t, latencies, designs.get(t.testName()))) {
        b.append(String.format(Locale.ROOT, ROW, (Object[]) r));
      }
    }
    b.append(CHANGE).append(System.lineSeparator());
    return b.toString();
  }

  private static String[] row(String name, Optional<? extends Number> order, Optional<? extends Number> noorder,
      String change) {
    return new String[] {name, cell(order), cell(noorder), change};
  }

  static String cell(Optional<? extends Number> v) {
    return v.map(x -> x instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : String.valueOf(x)).orElse("-");
  }

  /** {@code +12.0 [+8.0, +15.5]}: a difference with its interval. */
  static String interval(Optional<DifferenceInterval> d) {
    return d.filter(x -> x != null)
        .map(x -> String.format(Locale.ROOT, "%+.1f [%+.1f, %+.1f]", x.estimate(), x.low(), x.high())).orElse("-");
  }

  /** {@code +12.0 [+8.0, +15.5]} from the blocks, or {@code -} (too few pairs, or no design). */
  static String blockInterval(Optional<BlockInterval> d) {
    return d.map(x -> String.format(Locale.ROOT, "%+.1f [%+.1f, %+.1f]", x.estimate(), x.low(), x.high())).orElse("-");
  }

  private static String ratio(Optional<Double> r) {
    return r.map(x -> String.format(Locale.ROOT, "x%.2f", x)).orElse("-");
  }

  private static String diff(Optional<Long> d) {
    return d.map(x -> String.format(Locale.ROOT, "%+d", x)).orElse("-");
  }
}

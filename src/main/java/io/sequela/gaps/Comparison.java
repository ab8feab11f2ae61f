package io.sequela.gaps;

import io.sequela.config.SequenceMode;
import java.util.Optional;

/**
 * What NOORDER changes against ORDER in one test: ratios NOORDER / ORDER (above 1: NOORDER is higher)
 * and differences NOORDER - ORDER. A ratio is null when either side is missing or 0.
 *
 * @param meanLatencyRatio mean response time, NOORDER / ORDER
 * @param p99LatencyRatio 99th percentile response time, NOORDER / ORDER
 * @param throughputRatio rows per second (all nodes, first to last row), NOORDER / ORDER
 * @param inversionsTotalDiff total inversions, NOORDER - ORDER
 * @param inversionsAdjacentDiff adjacent inversions, NOORDER - ORDER
 * @param gapCountDiff gaps, NOORDER - ORDER
 * @param missingDiff missing ids, NOORDER - ORDER
 */
public record Comparison(
    Double meanLatencyRatio, Double p99LatencyRatio, Double throughputRatio, long inversionsTotalDiff,
    long inversionsAdjacentDiff, long gapCountDiff, long missingDiff) {

  /**
   * The comparison of a test, empty when it lacks either mode.
   *
   * @param latencies the run's response times ({@link Latencies#none()} when there are none)
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
    Double mean = lo.isPresent() && ln.isPresent() ? GapMath.ratio(ln.get().meanMs(), lo.get().meanMs()) : null;
    Double p99 = lo.isPresent() && ln.isPresent()
        ? GapMath.ratio((double) ln.get().p99Ms(), (double) lo.get().p99Ms()) : null;
    return Optional.of(new Comparison(mean, p99, GapMath.ratio(n.rowsPerSecond(), o.rowsPerSecond()),
        n.order().totalInversions() - o.order().totalInversions(),
        n.order().adjacentInversions() - o.order().adjacentInversions(),
        n.gapCount() - o.gapCount(), n.missing() - o.missing()));
  }
}

package io.sequela.nightly;

import io.sequela.gaps.Latencies;
import io.sequela.stats.DifferenceInterval;
import io.sequela.stats.LatencySummary;
import io.sequela.config.SequenceMode;
import java.util.Optional;

/**
 * The one place SeqOrderSimulation's nightly checks and history take insert latencies from, in µs: the run's
 * {@link Latencies} (the workers' own ns timings in µs; Gatling's whole ms x 1,000 with the JDBC plugin or
 * {@code -Dsequela.latency.record=false}), and the ORDER cost interval that sequence-gaps.json's verdict shows
 * (the same {@link DifferenceInterval}, computed once).
 */
public final class InsertLatencyUs {

  private final Latencies latencies;

  /** @param latencies the run's latencies as the gap analysis holds them */
  public InsertLatencyUs(Latencies latencies) {
    this.latencies = latencies;
  }

  /**
   * One node's OK insert latency percentiles.
   *
   * @return p50 and p99 in µs; empty when the node had no OK insert
   */
  public Optional<P50P99> node(String test, SequenceMode mode, int node) {
    return latencies.node(test, mode, node).map(InsertLatencyUs::us);
  }

  /**
   * ORDER minus NOORDER median insert latency of a test with its 95 % interval, µs ({@link Latencies#difference}).
   *
   * @return empty when either mode has no OK insert
   */
  public Optional<DifferenceInterval> orderCost(String test) {
    return latencies.difference(test).map(Latencies.Difference::median);
  }

  private static P50P99 us(LatencySummary s) {
    return new P50P99(s.p50Us(), s.p99Us());
  }

  /**
   * The median and 99th percentile of one node's insert latency, as {@link io.sequela.stats.Percentiles} defines them.
   *
   * @param p50Us median, µs
   * @param p99Us 99th percentile, µs
   */
  public record P50P99(double p50Us, double p99Us) {}
}

package io.sequela.nightly;

import io.sequela.design.BlockInterval;
import io.sequela.design.BlockVerdict;
import io.sequela.gaps.Latencies;
import io.sequela.stats.LatencySummary;
import io.sequela.config.SequenceMode;
import java.util.Map;
import java.util.Optional;

/**
 * The one place SeqOrderSimulation's nightly checks and history take insert latencies from, in µs: the run's
 * {@link Latencies} (the workers' own ns timings in µs; Gatling's whole ms x 1,000 with the JDBC plugin or
 * {@code -Dsequela.latency.record=false}), and the ORDER cost interval that sequence-gaps.json's verdict shows
 * (the block-level {@link BlockVerdict} of the experiment design, issue 23).
 */
public final class InsertLatencyUs {

  private final Latencies latencies;
  private final Map<String, BlockVerdict> verdicts;

  /** Latencies without block verdicts: no ORDER cost. */
  public InsertLatencyUs(Latencies latencies) {
    this(latencies, Map.of());
  }

  /**
   * @param latencies the run's latencies as the gap analysis holds them
   * @param verdicts per test, ORDER against NOORDER from the paired blocks (tests without both modes absent)
   */
  public InsertLatencyUs(Latencies latencies, Map<String, BlockVerdict> verdicts) {
    this.latencies = latencies;
    this.verdicts = Map.copyOf(verdicts);
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
   * ORDER minus NOORDER median insert latency of a test with its 95 % interval, µs: the mean over the block pairs of
   * the paired blocks' median differences ({@link BlockVerdict#medianUs()}).
   *
   * @return empty when a mode has no block or there are too few block pairs for an interval
   */
  Optional<BlockInterval> orderCost(String test) {
    return Optional.ofNullable(verdicts.get(test)).flatMap(BlockVerdict::medianUs);
  }

  /** Why a test has no ORDER cost interval ({@link BlockVerdict#noInterval()}), or empty. */
  Optional<String> noOrderCost(String test) {
    BlockVerdict v = verdicts.get(test);
    return v == null ? Optional.of("no OK insert in ORDER or NOORDER") : v.noInterval();
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

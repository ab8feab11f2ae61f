package io.sequela.nightly;

import io.sequela.gaps.Latencies;
import io.sequela.stats.LatencySummary;
import io.sequela.config.SequenceMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The one place SeqOrderSimulation's nightly checks and history take insert latencies from, in µs.
 *
 * <p>Today the source is Gatling's simulation.log (whole ms), which the runner reads once and hands to both the
 * gap analysis' {@link Latencies} and {@link #record}: per-node percentiles are {@link Latencies}' (HdrHistogram)
 * times 1000, and the per-mode samples behind the ORDER cost interval are the OK response times times 1000. When
 * the worker's own ns timings land (sequence-gaps.json's {@code p99_us} per node), this class is the one to switch.
 */
public final class InsertLatencyUs {

  private final Latencies latencies;
  private final Map<String, long[]> buffers = new HashMap<>();
  private final Map<String, Integer> sizes = new HashMap<>();

  /** @param latencies the run's latencies as the gap analysis holds them (per-node percentiles) */
  public InsertLatencyUs(Latencies latencies) {
    this.latencies = latencies;
  }

  /**
   * One node's OK insert latency percentiles.
   *
   * @return p50 and p99 in µs; empty when the node had no OK insert
   */
  public Optional<Percentiles> node(String test, SequenceMode mode, int node) {
    return latencies.node(test, mode, node).map(InsertLatencyUs::us);
  }

  /**
   * Records one request for the per-mode samples, as {@link Latencies#record} does.
   *
   * @param requestName ignored unless it matches {@link Latencies#REQUEST_NAME}
   * @param millis its response time in ms (negative counts as 0)
   * @param ok false for a KO, which is not a latency sample
   */
  public synchronized void record(String requestName, long millis, boolean ok) {
    Matcher m = Latencies.REQUEST_NAME.matcher(requestName);
    if (!ok || !m.matches()) {
      return;
    }
    String key = m.group(1) + " " + m.group(2);
    long[] b = buffers.computeIfAbsent(key, k -> new long[1024]);
    int n = sizes.getOrDefault(key, 0);
    if (n == b.length) {
      b = Arrays.copyOf(b, b.length * 2);
      buffers.put(key, b);
    }
    b[n] = Math.max(0, millis) * 1000;
    sizes.put(key, n + 1);
  }

  /**
   * Every OK insert latency of a test x mode, all nodes, for the ORDER cost interval.
   *
   * @return µs values in record order (a new array); empty when there are none
   */
  public synchronized long[] modeSamples(String test, SequenceMode mode) {
    String key = test + " " + mode.name();
    long[] b = buffers.get(key);
    return b == null ? new long[0] : Arrays.copyOf(b, sizes.get(key));
  }

  private static Percentiles us(LatencySummary s) {
    return new Percentiles(s.p50Ms() * 1000.0, s.p99Ms() * 1000.0);
  }

  /**
   * Latency percentiles of one node.
   *
   * @param p50Us median, µs
   * @param p99Us 99th percentile, µs
   */
  public record Percentiles(double p50Us, double p99Us) {}
}

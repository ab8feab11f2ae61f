package io.sequela.stats;

import org.HdrHistogram.AbstractHistogram;

/**
 * Latencies of a set of requests, from an HdrHistogram of µs (3 significant digits: exact up to 2,047 µs,
 * within 0.1 % above); percentiles as {@link Percentiles} defines them (nearest rank), the mean HdrHistogram's.
 * The ms accessors are the same figures divided by 1,000, with decimals.
 *
 * @param count requests recorded
 * @param meanUs mean, µs
 * @param p50Us median, µs
 * @param p90Us 90th percentile, µs
 * @param p95Us 95th percentile, µs
 * @param p99Us 99th percentile, µs
 * @param p999Us 99.9th percentile, µs
 * @param maxUs largest, µs
 */
public record LatencySummary(long count, double meanUs, long p50Us, long p90Us, long p95Us, long p99Us, long p999Us,
    long maxUs) {

  /** The summary of a histogram of latencies in µs; all 0 for an empty one. */
  public static LatencySummary of(AbstractHistogram us) {
    if (us.getTotalCount() == 0) {
      return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);
    }
    return new LatencySummary(us.getTotalCount(), us.getMean(), Percentiles.valueAt(us, 50), Percentiles.valueAt(us, 90),
        Percentiles.valueAt(us, 95), Percentiles.valueAt(us, 99), Percentiles.valueAt(us, 99.9), us.getMaxValue());
  }

  /** Mean, ms. */
  public double meanMs() {
    return meanUs / 1000;
  }

  /** Median, ms. */
  public double p50Ms() {
    return p50Us / 1000.0;
  }

  /** 95th percentile, ms. */
  public double p95Ms() {
    return p95Us / 1000.0;
  }

  /** 99th percentile, ms. */
  public double p99Ms() {
    return p99Us / 1000.0;
  }

  /** Largest, ms. */
  public double maxMs() {
    return maxUs / 1000.0;
  }
}

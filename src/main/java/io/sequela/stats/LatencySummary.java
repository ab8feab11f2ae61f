package io.sequela.stats;

import org.HdrHistogram.Histogram;

/**
 * Response times of a set of requests, from an HdrHistogram of ms (3 significant digits: exact up to
 * 2,047 ms); percentiles as {@link Percentiles} defines them (nearest rank).
 *
 * @param count OK requests recorded
 * @param meanMs mean response time, ms
 * @param p50Ms median, ms
 * @param p95Ms 95th percentile, ms
 * @param p99Ms 99th percentile, ms
 * @param maxMs largest, ms
 */
public record LatencySummary(long count, double meanMs, long p50Ms, long p95Ms, long p99Ms, long maxMs) {

  /** The summary of a histogram of response times in ms; all 0 for an empty one. */
  public static LatencySummary of(Histogram ms) {
    if (ms.getTotalCount() == 0) {
      return new LatencySummary(0, 0, 0, 0, 0, 0);
    }
    return new LatencySummary(ms.getTotalCount(), ms.getMean(), Percentiles.valueAt(ms, 50),
        Percentiles.valueAt(ms, 95), Percentiles.valueAt(ms, 99), ms.getMaxValue());
  }
}

package io.sequela.stats;

import java.util.Arrays;

/**
 * Exact order statistics of a set of durations. The caller's array is never changed: each method
 * works on a sorted copy (or on an array the caller states is sorted).
 */
public final class Percentiles {

  private Percentiles() {}

  /** A sorted copy of {@code values}. */
  public static long[] sortedCopy(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }

  /**
   * The median of sorted values: the middle value for an odd count, the mean of the two middle
   * values for an even count (so {1, 2, 3, 10} gives 2.5).
   *
   * @param sorted ascending values, at least one
   */
  public static double median(long[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double) sorted[n / 2]) / 2;
  }

  /**
   * The nearest-rank percentile of sorted values: the value at 1-based rank {@code ceil(p/100 * n)}
   * (rank 1 for p = 0), no interpolation; so p95 of 1..100 is 95 and p99 of 1..10 is 10.
   *
   * @param sorted ascending values, at least one
   * @param p the percentile, 0 to 100
   */
  public static long nearestRank(long[] sorted, double p) {
    if (p < 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be within 0..100, got " + p);
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}

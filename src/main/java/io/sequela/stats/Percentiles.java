package io.sequela.stats;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * The one percentile definition of sequela, HdrHistogram's, used by every figure that states a percentile
 * (query statistics, latency summaries, key-generation figures).
 *
 * <p>Definition: the value at percentile p of n recorded values is the value of rank {@code ceil(p/100 * n)}
 * in ascending order (rank 1 for p = 0), without interpolation (nearest rank); so p95 of 1..100 is 95 and
 * p99 of 1..10 is 10. HdrHistogram reports it at the histogram's precision: a histogram of d significant
 * digits keeps every value below {@code 2^ceil(log2(2 x 10^d))} exactly (2,048 for 3 digits, 262,144 for
 * 5) and larger ones within 10^-d relative, reported as the highest value of their bucket (the lowest for
 * p = 0). The caller's data is never changed.
 */
public final class Percentiles {

  /** Significant digits of {@link #histogramOf}: values up to 262,143 (in the caller's unit) are exact. */
  public static final int DIGITS = 5;

  private Percentiles() {}

  /**
   * A histogram of values with {@value #DIGITS} significant digits, sized for the largest of them.
   *
   * @param values non-negative values in any unit (µs for query times); not changed
   * @return the histogram, empty for no values
   * @throws IllegalArgumentException for a negative value
   */
  public static Histogram histogramOf(long[] values) {
    long max = 2;
    for (long v : values) {
      if (v < 0) {
        throw new IllegalArgumentException("values must be >= 0, got " + v);
      }
      max = Math.max(max, v);
    }
    Histogram h = new Histogram(max, DIGITS);
    for (long v : values) {
      h.recordValue(v);
    }
    return h;
  }

  /**
   * The value at a percentile, as defined above (HdrHistogram's {@code getValueAtPercentile}).
   *
   * @param histogram the recorded values
   * @param percent the percentile, 0 to 100
   * @return the value in the histogram's unit; 0 for an empty histogram
   * @throws IllegalArgumentException when {@code percent} is outside 0..100
   */
  public static long valueAt(AbstractHistogram histogram, double percent) {
    if (!(percent >= 0 && percent <= 100)) {
      throw new IllegalArgumentException("percentile must be within 0..100, got " + percent);
    }
    return histogram.getValueAtPercentile(percent);
  }

  /**
   * Where 0-based rank {@code rank} falls in sorted distinct values given by their cumulative counts: the index of the
   * first value whose cumulative count exceeds it (binary search).
   *
   * @param cumulative running totals of the values' counts, ascending
   * @param rank a rank from 0 to the last total - 1
   * @return an index into {@code cumulative}
   */
  public static int indexOfRank(long[] cumulative, long rank) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > rank) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}

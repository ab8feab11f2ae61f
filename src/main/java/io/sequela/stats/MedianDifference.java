package io.sequela.stats;

import java.util.Optional;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The difference of two medians, {@code median(a) - median(b)}, with a percentile bootstrap confidence
 * interval: {@link #RESAMPLES} resamples of each side with replacement, drawn from a fixed seed (so a run's
 * interval is reproducible), the interval being the {@code (1 - confidence) / 2} and {@code (1 + confidence) / 2}
 * percentiles of the resampled differences. Medians and percentiles are commons-math3's ({@link Median}: the
 * mean of the two middle values for an even count; {@link Percentile} default estimation). Costs
 * O(resamples x n); a side larger than {@link #MAX_SIDE} values is first thinned to that many by a seeded
 * random draw, which keeps its distribution but widens the interval a little (the bound is then conservative).
 * The caller's arrays are not changed.
 *
 * @param estimate median(a) - median(b), in the values' unit
 * @param low lower end of the interval
 * @param high upper end of the interval
 * @param confidence the interval's confidence, e.g. 0.95
 * @param countA values of a
 * @param countB values of b
 */
public record MedianDifference(double estimate, double low, double high, double confidence, int countA, int countB) {

  /** Resamples of the bootstrap. */
  public static final int RESAMPLES = 1000;
  /** The most values of one side the bootstrap resamples. */
  public static final int MAX_SIDE = 100_000;
  /** The seed of the bootstrap's random generator. */
  public static final long SEED = 20_261_121L;

  /**
   * The difference and its interval.
   *
   * @param a the first sample, e.g. ORDER latencies in µs
   * @param b the second sample, e.g. NOORDER latencies in µs
   * @param confidence between 0 and 1 exclusive, e.g. 0.95
   * @return empty when either side has no value
   * @throws IllegalArgumentException when confidence is not within (0, 1)
   */
  public static Optional<MedianDifference> of(long[] a, long[] b, double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be within (0, 1), got " + confidence);
    }
    if (a.length == 0 || b.length == 0) {
      return Optional.empty();
    }
    RandomGenerator rng = new Well19937c(SEED);
    double[] x = thin(a, rng);
    double[] y = thin(b, rng);
    Median median = new Median();
    double estimate = median.evaluate(x) - median.evaluate(y);
    double[] bx = new double[x.length];
    double[] by = new double[y.length];
    double[] diffs = new double[RESAMPLES];
    for (int r = 0; r < RESAMPLES; r++) {
      resample(x, bx, rng);
      resample(y, by, rng);
      diffs[r] = median.evaluate(bx) - median.evaluate(by);
    }
    Percentile pct = new Percentile();
    pct.setData(diffs);
    double tail = (1 - confidence) / 2 * 100;
    return Optional.of(new MedianDifference(estimate, pct.evaluate(tail), pct.evaluate(100 - tail), confidence,
        a.length, b.length));
  }

  private static double[] thin(long[] v, RandomGenerator rng) {
    int n = Math.min(v.length, MAX_SIDE);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = n == v.length ? v[i] : v[rng.nextInt(v.length)];
    }
    return out;
  }

  private static void resample(double[] from, double[] into, RandomGenerator rng) {
    for (int i = 0; i < into.length; i++) {
      into[i] = from[rng.nextInt(from.length)];
    }
  }
}

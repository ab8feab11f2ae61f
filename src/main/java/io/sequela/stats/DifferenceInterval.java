package io.sequela.stats;

import java.util.Optional;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The difference of a statistic (median or mean) between two samples, {@code a - b}, with a percentile
 * bootstrap confidence interval (Efron and Tibshirani, "An Introduction to the Bootstrap", 1993, ch. 13):
 * {@link #RESAMPLES} times, each side is resampled with replacement and the statistic's difference taken; the
 * interval runs from the {@code (1 - confidence) / 2} to the {@code (1 + confidence) / 2} percentile of those
 * differences (commons-math3 {@link Percentile}, its default estimation). The random draws come from a
 * commons-math3 {@link Well19937c} seeded with {@link #SEED}, so the same samples always give the same interval.
 *
 * <p>The samples are HdrHistograms: the values resampled are the recorded values at the histogram's precision
 * (exact below 2,048 for 3 significant digits). The median is {@link Percentiles}' (nearest rank, commons-math3
 * {@link Percentile.EstimationType#R_1} on a resample), the mean HdrHistogram's (each value at the middle of its
 * bucket). A side of more than {@link #MAX_RESAMPLE} values is resampled {@link #MAX_RESAMPLE} values at a time
 * (an m-out-of-n bootstrap without rescaling), which widens the interval: it then errs on the wide side. Costs
 * about {@code RESAMPLES x (m_a + m_b)} random draws. The caller's histograms are not changed.
 *
 * @param estimate the statistic of a minus that of b, in the histograms' unit (µs for latencies)
 * @param low lower end of the interval, same unit
 * @param high upper end of the interval, same unit
 * @param confidence the interval's confidence, e.g. 0.95
 * @param countA values in a
 * @param countB values in b
 */
public record DifferenceInterval(double estimate, double low, double high, double confidence, long countA, long countB) {

  /** Bootstrap resamples per interval. */
  public static final int RESAMPLES = 1000;
  /** The most values one side's resample draws. */
  public static final int MAX_RESAMPLE = 50_000;
  /** Seed of the bootstrap's random generator. */
  public static final long SEED = 20_261_121L;

  /** The statistic compared. */
  public enum Statistic {
    /** The nearest-rank median ({@link Percentiles}). */
    MEDIAN,
    /** The arithmetic mean. */
    MEAN
  }

  /** True when the interval does not contain 0: the difference is unlikely to be noise at this confidence. */
  public boolean excludesZero() {
    return low > 0 || high < 0;
  }

  /**
   * The difference of medians and its interval.
   *
   * @param a the first sample, e.g. ORDER insert latencies in µs
   * @param b the second sample, e.g. NOORDER insert latencies in µs
   * @param confidence strictly between 0 and 1, e.g. 0.95
   * @return empty when either histogram is empty
   * @throws IllegalArgumentException when confidence is not within (0, 1)
   */
  public static Optional<DifferenceInterval> ofMedians(AbstractHistogram a, AbstractHistogram b, double confidence) {
    return of(Statistic.MEDIAN, a, b, confidence);
  }

  /** The difference of means and its interval; as {@link #ofMedians}. */
  public static Optional<DifferenceInterval> ofMeans(AbstractHistogram a, AbstractHistogram b, double confidence) {
    return of(Statistic.MEAN, a, b, confidence);
  }

  /** The difference of {@code statistic} and its interval; as {@link #ofMedians}. */
  public static Optional<DifferenceInterval> of(Statistic statistic, AbstractHistogram a, AbstractHistogram b,
      double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be within (0, 1), got " + confidence);
    }
    if (a.getTotalCount() == 0 || b.getTotalCount() == 0) {
      return Optional.empty();
    }
    Side x = new Side(a, statistic);
    Side y = new Side(b, statistic);
    double estimate = statistic == Statistic.MEDIAN
        ? Percentiles.valueAt(a, 50) - Percentiles.valueAt(b, 50)
        : a.getMean() - b.getMean();
    RandomGenerator rng = new Well19937c(SEED);
    Percentile median = new Percentile(50).withEstimationType(Percentile.EstimationType.R_1);
    double[] diffs = new double[RESAMPLES];
    for (int r = 0; r < RESAMPLES; r++) {
      diffs[r] = x.resampled(rng, median) - y.resampled(rng, median);
    }
    double tail = (1 - confidence) / 2 * 100;
    Percentile ends = new Percentile();
    ends.setData(diffs);
    return Optional.of(new DifferenceInterval(estimate, ends.evaluate(tail), ends.evaluate(100 - tail), confidence,
        a.getTotalCount(), b.getTotalCount()));
  }

  /** One side: its distinct values and their cumulative counts, to draw values from by rank. */
  private static final class Side {
    private final Statistic statistic;
    private final double[] values;
    private final long[] cumulative;
    private final long total;
    private final double[] draws;

    Side(AbstractHistogram h, Statistic statistic) {
      this.statistic = statistic;
      int distinct = 0;
      for (HistogramIterationValue v : h.recordedValues()) {
        distinct++;
      }
      values = new double[distinct];
      cumulative = new long[distinct];
      int i = 0;
      for (HistogramIterationValue v : h.recordedValues()) {
        long value = v.getValueIteratedTo();
        values[i] = statistic == Statistic.MEDIAN ? value : h.medianEquivalentValue(value);
        cumulative[i] = v.getTotalCountToThisValue();
        i++;
      }
      total = h.getTotalCount();
      draws = new double[(int) Math.min(total, MAX_RESAMPLE)];
    }

    /** The statistic of one resample drawn with replacement. */
    double resampled(RandomGenerator rng, Percentile median) {
      for (int i = 0; i < draws.length; i++) {
        draws[i] = valueOfRank(nextLong(rng, total));
      }
      return statistic == Statistic.MEDIAN ? median.evaluate(draws) : StatUtils.mean(draws);
    }

    /** The value of 0-based rank {@code r} in ascending order. */
    private double valueOfRank(long r) {
      return values[Percentiles.indexOfRank(cumulative, r)];
    }

    private static long nextLong(RandomGenerator rng, long bound) {
      return bound <= Integer.MAX_VALUE ? rng.nextInt((int) bound) : Math.floorMod(rng.nextLong(), bound);
    }
  }
}

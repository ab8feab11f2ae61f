package io.sequela.design;

import io.sequela.stats.Percentiles;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The inner level of the two-level bootstrap: one block's statistic over resamples of its own inserts, drawn by rank
 * from its histogram (as {@code stats.DifferenceInterval} draws). A resample's mean is the mean of its draws, each
 * value at its bucket middle as HdrHistogram's mean has it. A resample's median (nearest rank, the definition of
 * {@code stats.Percentiles}: rank {@code k = ceil(m / 2)} of {@code m} draws) is drawn directly as that order
 * statistic: the k-th smallest of m uniform draws is Beta(k, m - k + 1) distributed (H. A. David and H. N. Nagaraja,
 * "Order Statistics", 2003, ch. 2), and the block's value at that quantile has the same distribution as the median
 * of m values drawn and sorted, at the cost of one draw (commons-math3 {@link BetaDistribution}). The histogram is
 * only read.
 */
final class WithinBlock {

  private WithinBlock() {}

  /**
   * {@code resamples} values of the block's statistic, each over {@code m = min(count, maxDraws)} inserts drawn with
   * replacement.
   */
  static double[] replicates(AbstractHistogram h, boolean median, int resamples, int maxDraws, RandomGenerator rng) {
    int distinct = 0;
    for (HistogramIterationValue v : h.recordedValues()) {
      distinct++;
    }
    double[] values = new double[distinct];
    long[] cumulative = new long[distinct];
    int i = 0;
    for (HistogramIterationValue v : h.recordedValues()) {
      long value = v.getValueIteratedTo();
      values[i] = median ? value : h.medianEquivalentValue(value);
      cumulative[i] = v.getTotalCountToThisValue();
      i++;
    }
    long total = h.getTotalCount();
    int m = (int) Math.min(total, maxDraws);
    double[] out = new double[resamples];
    if (median) {
      int k = (m + 1) / 2;
      BetaDistribution kthOfM = new BetaDistribution(rng, k, m - k + 1);
      for (int r = 0; r < resamples; r++) {
        long rank = Math.min(total - 1, (long) (kthOfM.sample() * total));
        out[r] = values[Percentiles.indexOfRank(cumulative, rank)];
      }
      return out;
    }
    for (int r = 0; r < resamples; r++) {
      double sum = 0;
      for (int d = 0; d < m; d++) {
        long rank = total <= Integer.MAX_VALUE ? rng.nextInt((int) total) : Math.floorMod(rng.nextLong(), total);
        sum += values[Percentiles.indexOfRank(cumulative, rank)];
      }
      out[r] = sum / m;
    }
    return out;
  }

}

package io.sequela.stats;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * The spread of earlier runs' values of one figure: their median, and a band outside which a new value is
 * more than noise. With {@link #ROBUST_MIN_RUNS} or more values the band is median +- 3 MAD (median absolute
 * deviation, unscaled); with fewer it is their min..max, since a MAD of 2 to 4 values says little. Medians
 * are commons-math3's (the mean of the two middle values for an even count).
 *
 * @param median the values' median
 * @param low lower edge of the band
 * @param high upper edge of the band
 * @param runs how many values
 */
public record NoiseBand(double median, double low, double high, int runs) {

  /** From this many values on the band is median +- 3 MAD. */
  public static final int ROBUST_MIN_RUNS = 5;

  /**
   * The band of some values; the array is not changed.
   *
   * @param values at least one value
   * @throws IllegalArgumentException when there is none
   */
  public static NoiseBand of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("a noise band needs at least one value");
    }
    Median median = new Median();
    double m = median.evaluate(values);
    if (values.length < ROBUST_MIN_RUNS) {
      return new NoiseBand(m, Arrays.stream(values).min().orElseThrow(), Arrays.stream(values).max().orElseThrow(),
          values.length);
    }
    double mad = median.evaluate(Arrays.stream(values).map(v -> Math.abs(v - m)).toArray());
    return new NoiseBand(m, m - 3 * mad, m + 3 * mad, values.length);
  }

  /** True when {@code v} lies within the band, edges included. */
  public boolean contains(double v) {
    return v >= low && v <= high;
  }
}

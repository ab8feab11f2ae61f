package io.sequela.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The median of a few values (a figure over KeyGen's blocks) with its smallest and largest. The median of an
 * odd count is the middle value; of an even count, the mean of the two middle values. The caller's values are
 * never changed.
 *
 * @param median the median, in the values' unit
 * @param min the smallest value
 * @param max the largest value
 */
record Spread(double median, double min, double max) {

  /**
   * The spread of values.
   *
   * @param values at least one value, any unit; not changed
   * @throws IllegalArgumentException for no values
   */
  public static Spread of(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("a spread needs at least one value");
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    return new Spread(median, v[0], v[n - 1]);
  }

  /**
   * The spread of figures that may be missing.
   *
   * @param values one per round; a null is a figure not measured
   * @return the spread, or null when any value is null (a figure the database does not give) or there are none
   */
  public static Spread ofMeasured(List<Long> values) {
    if (values.isEmpty() || values.stream().anyMatch(Objects::isNull)) {
      return null;
    }
    return of(values.stream().mapToDouble(Long::doubleValue).toArray());
  }

  /** True when the two min..max ranges share at least one value. */
  public boolean overlaps(Spread other) {
    return min <= other.max && other.min <= max;
  }

  /** The median rounded half up to a whole number (an even count's median of counts may end in .5). */
  public long roundedMedian() {
    return Math.round(median);
  }
}

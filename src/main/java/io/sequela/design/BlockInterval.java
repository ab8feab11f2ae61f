package io.sequela.design;

/**
 * The difference of one figure between two variants (b minus a) and its interval, taken from the blocks.
 *
 * @param estimate the mean over the pairs of (b's block figure minus a's): µs for latencies, rows/s for throughput
 * @param low lower end of the interval, same unit
 * @param high upper end of the interval, same unit
 * @param confidence the interval's confidence, e.g. 0.95
 * @param pairs the block pairs it rests on
 * @param method how the interval was taken
 */
public record BlockInterval(double estimate, double low, double high, double confidence, int pairs,
    BlockAnalysis.Method method) {

  /** True when the interval does not contain 0: a difference measurable at this confidence. */
  public boolean excludesZero() {
    return low > 0 || high < 0;
  }
}

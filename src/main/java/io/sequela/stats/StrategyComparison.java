package io.sequela.stats;

/**
 * Two key-generation strategies compared from their paired blocks (the blocks of a and b in the same round): the
 * differences b minus a of the blocks' inserts/s and median latency with their 95 % intervals, taken from the
 * blocks ({@code design.BlockAnalysis}), and what they allow one to say. One strategy is faster than another only
 * where the interval of their inserts/s difference excludes 0.
 *
 * @param a the reference strategy (earlier in the plan)
 * @param b the other strategy
 * @param pairs the block pairs the figures rest on
 * @param insertsPerSDiff b's minus a's inserts/s, mean over the pairs; null with too few pairs
 * @param insertsPerSLow lower end of its interval, inserts/s; null with too few pairs
 * @param insertsPerSHigh upper end, inserts/s; null with too few pairs
 * @param p50UsDiff b's minus a's block median latency, mean over the pairs, µs; null with too few pairs
 * @param p50UsLow lower end of its interval, µs
 * @param p50UsHigh upper end, µs
 * @param faster the strategy with the higher inserts/s where the interval excludes 0, else null
 * @param lowerLatency the strategy with the lower median latency where that interval excludes 0, else null
 * @param noInterval why there is no interval (too few pairs), else null
 */
public record StrategyComparison(String a, String b, int pairs, Double insertsPerSDiff, Double insertsPerSLow,
    Double insertsPerSHigh, Double p50UsDiff, Double p50UsLow, Double p50UsHigh, String faster, String lowerLatency,
    String noInterval) {

  /** The slower of the two where one is {@link #faster}, else null. */
  public String slower() {
    return faster == null ? null : faster.equals(a) ? b : a;
  }

  /** True when this comparison is of {@code x} and {@code y}, in either order. */
  public boolean of(String x, String y) {
    return a.equals(x) && b.equals(y) || a.equals(y) && b.equals(x);
  }
}

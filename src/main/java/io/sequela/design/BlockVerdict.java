package io.sequela.design;

import java.util.Locale;
import java.util.Optional;

/**
 * Variant b against variant a, from their paired blocks: the differences b minus a of the blocks' median and
 * mean latency (µs) and throughput (rows/s), each with its interval, or none and the reason.
 *
 * @param a the reference variant's name (e.g. NOORDER)
 * @param b the measured variant's name (e.g. ORDER)
 * @param pairs the block pairs the figures rest on
 * @param medianUs b's minus a's median insert latency in µs; empty with too few pairs
 * @param meanUs b's minus a's mean insert latency in µs; empty with too few pairs
 * @param rowsPerSec b's minus a's throughput in rows/s; empty with too few pairs
 * @param noInterval why there is no interval, e.g. {@code "too few blocks for an interval: 2 pairs, need 3"};
 *     empty when there are intervals
 */
public record BlockVerdict(String a, String b, int pairs, Optional<BlockInterval> medianUs,
    Optional<BlockInterval> meanUs, Optional<BlockInterval> rowsPerSec, Optional<String> noInterval) {

  /** True when the median's interval excludes 0. */
  public boolean measurable() {
    return medianUs.map(BlockInterval::excludesZero).orElse(false);
  }

  /**
   * The faster variant's name by median latency, only where the interval of the difference excludes 0; empty when
   * the blocks cannot tell them apart.
   */
  public Optional<String> faster() {
    return medianUs.filter(BlockInterval::excludesZero).map(m -> m.estimate() > 0 ? a : b);
  }

  /** The variant with the higher throughput (rows/s), only where the interval excludes 0. */
  public Optional<String> higherThroughput() {
    return rowsPerSec.filter(BlockInterval::excludesZero).map(t -> t.estimate() > 0 ? b : a);
  }

  /**
   * The verdict in one sentence: {@code "ORDER costs +12 µs per insert (median, 95 % CI +3 to +20 µs; 4 block
   * pairs)"}, {@code "ORDER saves 12 µs per insert (...)"}, {@code "no measurable difference (median, 95 % CI -8 to
   * +11 µs; 4 block pairs)"}, or {@link #noInterval}'s reason.
   */
  public String text() {
    if (medianUs.isEmpty()) {
      return noInterval.orElse("no interval");
    }
    BlockInterval m = medianUs.get();
    String ci = String.format(Locale.ROOT, "(median, %.0f %% CI %s to %s µs; %d block pairs)", m.confidence() * 100,
        us(m.low()), us(m.high()), pairs);
    if (!m.excludesZero()) {
      return "no measurable difference " + ci;
    }
    return b + (m.estimate() >= 0 ? " costs " + us(m.estimate()) : " saves " + us(-m.estimate()).substring(1))
        + " µs per insert " + ci;
  }

  @Override
  public String toString() {
    return b + " vs " + a + ": " + text();
  }

  private static String us(double v) {
    return String.format(Locale.ROOT, Math.abs(v) < 10 && v != Math.rint(v) ? "%+.1f" : "%+.0f", v);
  }
}

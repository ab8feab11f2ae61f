package io.sequela.populate;

import java.nio.charset.StandardCharsets;

/**
 * The counter-based random source behind every generated value: SplitMix64 (Steele, Lea, Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014), written out here rather than taken
 * from {@link java.util.SplittableRandom}, whose algorithm the JDK does not specify and may change.
 *
 * <p>The stream of row {@code i} of a column starts at {@code mix64(columnSeed + mix64(i * GAMMA))}, so
 * a value depends only on (seed, table, column, row) and never on other rows, columns or threads. Only
 * integer arithmetic is used here; the generators use {@link StrictMath} for logarithms and powers, so
 * the output is bit-for-bit the same on every JVM (Java 17+ evaluates all floating point strictly).
 */
final class RowRandom {

  static final long GAMMA = 0x9E3779B97F4A7C15L;
  private static final double TWO_POW_53_MINUS_1 = (double) ((1L << 53) - 1);

  private long state;

  /** The stream of one row of one column. */
  RowRandom(long columnSeed, long row) {
    this.state = mix64(columnSeed + mix64(row * GAMMA));
  }

  /**
   * The seed of one column: FNV-1a 64 over the UTF-8 bytes of table and column names, mixed with the
   * model seed. Adding or reordering columns never changes another column's seed.
   */
  static long columnSeed(long seed, String table, String column) {
    long h = 0xcbf29ce484222325L;
    for (byte b : (table + "\u0000" + column).getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return mix64(seed * GAMMA ^ h);
  }

  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += GAMMA;
    return mix64(state);
  }

  /** Uniform in [0, 1): 53 random bits. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, 1], both ends reachable: 53 random bits over 2^53 - 1. */
  double nextDoubleInclusive() {
    return (nextLong() >>> 11) / TWO_POW_53_MINUS_1;
  }

  /**
   * Uniform in [min, max], both inclusive: the high 64 bits of a 64x64-bit unsigned product (Lemire's
   * multiply-shift, without rejection: the bias is below 2^-64 * range, negligible for test data).
   */
  long nextLongInclusive(long min, long max) {
    long range = max - min + 1;
    long r = nextLong();
    return range == 0 ? r : min + unsignedMultiplyHigh(r, range);
  }

  /** Uniform in [0, bound), bound > 0. */
  int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  static long unsignedMultiplyHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }
}

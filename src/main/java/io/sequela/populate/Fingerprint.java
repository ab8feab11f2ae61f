package io.sequela.populate;

import java.math.BigInteger;

/**
 * The fingerprint of one column: order-independent, computed the same way in Java from the model and in
 * SQL from the table. Every value is first projected to a bigint p:
 * <ul>
 *   <li>integers: the value itself;
 *   <li>double precision: floor(v * 1e6), both factors IEEE doubles (bounds are kept within +-1e12);
 *   <li>timestamps: microseconds since 1970-01-01 00:00:00 UTC (timestamp without time zone: as if UTC);
 *   <li>text and uuid: the first 8 bytes of MD5 over the UTF-8 text (uuid: lower-case canonical form),
 *       read as a big-endian signed bigint.
 * </ul>
 * Then count, min(p), max(p) and the exact sum(p) (a 128-bit integer, so no overflow and no rounding).
 *
 * @param column column name
 * @param kind the value kind, which fixes the projection
 * @param count non-null values
 * @param min smallest projection, null when count is 0
 * @param max largest projection, null when count is 0
 * @param sum exact sum of projections, 0 when count is 0
 */
record Fingerprint(String column, ValueKind kind, long count, Long min, Long max, BigInteger sum) {

  /** Accumulates projections; merge partial results of row ranges in any order. */
  static final class Accumulator {
    private long count;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;
    private long sumLo;
    private long sumHi;

    void add(long p) {
      count++;
      min = Math.min(min, p);
      max = Math.max(max, p);
      addToSum(p >> 63, p);
    }

    private void addToSum(long hi, long lo) {
      long s = sumLo + lo;
      sumHi += hi + (Long.compareUnsigned(s, sumLo) < 0 ? 1 : 0);
      sumLo = s;
    }

    void merge(Accumulator o) {
      count += o.count;
      min = Math.min(min, o.min);
      max = Math.max(max, o.max);
      addToSum(o.sumHi, o.sumLo);
    }

    Fingerprint toFingerprint(String column, ValueKind kind) {
      BigInteger sum = BigInteger.valueOf(sumHi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(sumLo)));
      return new Fingerprint(column, kind, count, count == 0 ? null : min, count == 0 ? null : max, sum);
    }
  }
}

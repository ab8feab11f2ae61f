package io.sequela.gaps;

import java.util.List;

/**
 * How many gaps of each size a test x mode has, in power-of-two buckets of missing values:
 * 1, 2-3, 4-7, ..., 512-1023, then 1024 and more.
 *
 * @param counts gaps per bucket, in the order of {@link #BUCKETS}
 */
public record GapHistogram(List<Long> counts) {

  /** The buckets: lowest and highest missing values (inclusive), the last one open-ended. */
  public static final List<Bucket> BUCKETS = List.of(
      new Bucket(1, 1), new Bucket(2, 3), new Bucket(4, 7), new Bucket(8, 15), new Bucket(16, 31),
      new Bucket(32, 63), new Bucket(64, 127), new Bucket(128, 255), new Bucket(256, 511),
      new Bucket(512, 1023), new Bucket(1024, Long.MAX_VALUE));

  public GapHistogram {
    counts = List.copyOf(counts);
    if (counts.size() != BUCKETS.size()) {
      throw new IllegalArgumentException("expected " + BUCKETS.size() + " bucket counts, got " + counts.size());
    }
  }

  /**
   * The index in {@link #BUCKETS} of a gap size.
   *
   * @param missing values missing at one place, at least 1
   */
  public static int bucketOf(long missing) {
    for (int i = 0; i < BUCKETS.size() - 1; i++) {
      if (missing <= BUCKETS.get(i).high()) {
        return i;
      }
    }
    return BUCKETS.size() - 1;
  }

  /**
   * A bucket of gap sizes, in missing values.
   *
   * @param low the smallest gap size counted, at least 1
   * @param high the largest gap size counted; {@code Long.MAX_VALUE} for the last bucket
   */
  public record Bucket(long low, long high) {
    /** "1", "2-3", ..., "1024+". */
    public String label() {
      return high == Long.MAX_VALUE ? low + "+" : low == high ? Long.toString(low) : low + "-" + high;
    }
  }
}

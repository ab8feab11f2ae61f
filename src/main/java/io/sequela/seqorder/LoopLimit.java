package io.sequela.seqorder;

/**
 * How many iterations the virtual users of one stage run, read by their loop before every iteration ({@code i <
 * limit}, {@code i} counting from 0): a block's planned iterations per user, fixed; a warm-up's unbounded until its
 * rule is met or the run stops, then 0 (each user ends after its insert in flight). Warm-ups and blocks share this one
 * class and one loop condition, so the users' loop runs the same compiled code in both: a condition that branched on
 * warm-up or block was compiled again by the JIT at the first block's start, about 230 ms of compilation on the
 * client's core inside the measured window (docs/insert-path-profile.md). Thread-safe: one writer ends it, the users
 * read it.
 */
public final class LoopLimit {

  private volatile int limit;

  private LoopLimit(int limit) {
    this.limit = limit;
  }

  /**
   * A block's limit.
   *
   * @param iterations planned iterations per user, at least 0
   * @throws IllegalArgumentException for a negative count
   */
  public static LoopLimit fixed(int iterations) {
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
    }
    return new LoopLimit(iterations);
  }

  /** A warm-up's limit: unbounded ({@link Integer#MAX_VALUE}) until {@link #end()}. */
  static LoopLimit untilEnded() {
    return new LoopLimit(Integer.MAX_VALUE);
  }

  /** The iterations a user runs at most, as of now. */
  public int get() {
    return limit;
  }

  /** No further iteration starts (a warm-up's rule was met, or the run stops). */
  void end() {
    limit = 0;
  }
}

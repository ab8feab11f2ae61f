package io.sequela.design;

import java.time.Duration;

/**
 * How long one block runs: a duration, or a number of inserts (all users of the variant together). KeyGen's blocks
 * are durations, so a fast strategy gets as long a measurement as a slow one; SeqOrder's may be either (see
 * docs/experiment-design.md). Immutable.
 *
 * @param amount milliseconds for {@link Unit#DURATION}, inserts for {@link Unit#INSERTS}; at least 1
 * @param unit the amount's unit
 */
public record BlockSize(long amount, Unit unit) {

  /** What {@link #amount} counts. */
  public enum Unit {
    /** Milliseconds of running. */
    DURATION,
    /** Inserts, all users together. */
    INSERTS
  }

  public BlockSize {
    if (amount < 1) {
      throw new IllegalArgumentException("block: must be >= 1 " + (unit == Unit.DURATION ? "ms" : "insert")
          + ", got " + amount);
    }
  }

  /** A block of a fixed duration, at least 1 ms. */
  public static BlockSize of(Duration duration) {
    return new BlockSize(duration.toMillis(), Unit.DURATION);
  }

  /** A block of a fixed number of inserts, at least 1. */
  public static BlockSize inserts(long inserts) {
    return new BlockSize(inserts, Unit.INSERTS);
  }

  /** The duration, for a {@link Unit#DURATION} block. */
  public Duration duration() {
    if (unit != Unit.DURATION) {
      throw new IllegalStateException("a block of " + this + " has no duration");
    }
    return Duration.ofMillis(amount);
  }

  /** The stable text form: {@code 1s}, {@code 500ms}, {@code 1000 inserts}. */
  @Override
  public String toString() {
    return unit == Unit.DURATION ? Units.duration(Duration.ofMillis(amount)) : amount + " inserts";
  }
}

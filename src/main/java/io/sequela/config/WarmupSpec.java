package io.sequela.config;

import java.time.Duration;

/**
 * A test's {@code warmup} key as written: {@code auto}, a duration ({@code "5s"}), a number of inserts, or none
 * ({@code 0}). The rule itself (what {@code auto} means, when a warm-up is over) is the experiment design's
 * ({@code design.WarmupRule}); config only reads and checks the value. Immutable.
 *
 * @param kind which of the four forms
 * @param duration the untimed running per variant for {@link Kind#DURATION}, else zero
 * @param inserts the untimed inserts per variant (all nodes and users together) for {@link Kind#INSERTS}, else 0
 */
public record WarmupSpec(Kind kind, Duration duration, long inserts) {

  /** The forms of a warm-up. */
  public enum Kind {
    /** Until latency stops drifting, bounded ({@code design.WarmupRule.auto()}). */
    AUTO,
    /** A fixed duration. */
    DURATION,
    /** A fixed number of inserts. */
    INSERTS,
    /** No warm-up. */
    NONE
  }

  /** No warm-up. */
  public static final WarmupSpec NONE = new WarmupSpec(Kind.NONE, Duration.ZERO, 0);
  /** Until latency stops drifting. */
  public static final WarmupSpec AUTO = new WarmupSpec(Kind.AUTO, Duration.ZERO, 0);

  public WarmupSpec {
    if (kind == null || duration == null || duration.isNegative() || inserts < 0) {
      throw new IllegalArgumentException("warmup: bad value " + kind + ", " + duration + ", " + inserts);
    }
  }
}

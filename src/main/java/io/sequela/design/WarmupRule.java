package io.sequela.design;

import io.sequela.stats.Percentiles;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * How long a variant runs untimed before the first measured block. Every variant warms up, each before any block
 * is measured (all warm-ups first, then the blocks), so that no variant pays for the JIT, the caches and the fresh
 * connections of the run (JMH's warm-up iterations are the same idea: openjdk/jmh, {@code @Warmup}). The caller runs
 * the load and asks {@link #check} after each chunk; the rule only reads the latencies it is handed.
 *
 * <p>Three rules: a fixed duration ({@link #of(Duration)}), a fixed count of inserts ({@link #inserts}), and
 * {@link #auto()}: until the medians of the last {@code windows} windows of {@code windowInserts} inserts lie within
 * a relative {@code tolerance} of each other (latency has stopped drifting), bounded by a maximum count and
 * duration. The defaults and how they were chosen are in docs/experiment-design.md.
 */
public sealed interface WarmupRule {

  /** {@link #auto()}'s window: inserts per window (a window median of 500 log-normal values has ~2 % error). */
  int AUTO_WINDOW_INSERTS = 500;
  /** {@link #auto()}'s tolerance: the last windows' medians lie within 10 % of each other. */
  double AUTO_TOLERANCE = 0.10;
  /** {@link #auto()}'s windows compared: 3, so at least 1,500 inserts. */
  int AUTO_WINDOWS = 3;
  /** {@link #auto()} stops at this many inserts even if latency still drifts. */
  long AUTO_MAX_INSERTS = 10_000;
  /** {@link #auto()} stops after this long even if latency still drifts. */
  Duration AUTO_MAX_DURATION = Duration.ofSeconds(5);

  /**
   * Whether the warm-up is over, from what it has run so far. The caller's array is not changed.
   *
   * @param latenciesUs the variant's warm-up latencies so far in µs, in the order they completed
   * @param elapsed how long the variant's warm-up has run so far
   * @return done or not, and why
   */
  WarmupProgress check(long[] latenciesUs, Duration elapsed);

  /** The rule in its stable one-line form, part of {@link DesignStamp#line()}: {@code 2s}, {@code 1000 inserts}, {@code auto(...)}. */
  String describe();

  /** No warm-up at all. */
  static WarmupRule none() {
    return new ForInserts(0);
  }

  /** Warm up for a fixed duration (not negative). */
  static WarmupRule of(Duration duration) {
    return new ForDuration(duration);
  }

  /** Warm up for a fixed number of inserts (not negative). */
  static WarmupRule inserts(long inserts) {
    return new ForInserts(inserts);
  }

  /** Until latency stops drifting, with the defaults above. */
  static WarmupRule auto() {
    return new UntilStable(AUTO_WINDOW_INSERTS, AUTO_TOLERANCE, AUTO_WINDOWS, AUTO_MAX_INSERTS, AUTO_MAX_DURATION);
  }

  /**
   * Warm up for a fixed duration.
   *
   * @param duration untimed running per variant, not negative
   */
  record ForDuration(Duration duration) implements WarmupRule {
    public ForDuration {
      if (duration.isNegative()) {
        throw new IllegalArgumentException("warmup: must be a duration >= 0, got " + duration);
      }
    }

    @Override
    public WarmupProgress check(long[] latenciesUs, Duration elapsed) {
      boolean done = elapsed.compareTo(duration) >= 0;
      return new WarmupProgress(done, done, Units.duration(elapsed) + " of " + describe());
    }

    @Override
    public String describe() {
      return Units.duration(duration);
    }
  }

  /**
   * Warm up for a fixed number of inserts.
   *
   * @param inserts untimed inserts per variant (all users together), not negative
   */
  record ForInserts(long inserts) implements WarmupRule {
    public ForInserts {
      if (inserts < 0) {
        throw new IllegalArgumentException("warmup: must be >= 0 inserts, got " + inserts);
      }
    }

    @Override
    public WarmupProgress check(long[] latenciesUs, Duration elapsed) {
      boolean done = latenciesUs.length >= inserts;
      return new WarmupProgress(done, done, latenciesUs.length + " of " + describe());
    }

    @Override
    public String describe() {
      return inserts + " inserts";
    }
  }

  /**
   * Warm up until the medians of the last {@code windows} complete windows (consecutive runs of
   * {@code windowInserts} inserts, counted from the warm-up's start) lie within {@code tolerance}: the largest at
   * most {@code 1 + tolerance} times the smallest. Stops unstable at {@code maxInserts} or {@code maxDuration},
   * whichever comes first. Medians are {@link Percentiles}'.
   *
   * @param windowInserts inserts per window, at least 10
   * @param tolerance relative spread allowed between the windows' medians, within (0, 1), e.g. 0.10
   * @param windows windows compared, at least 2
   * @param maxInserts the most inserts, at least {@code windows x windowInserts}
   * @param maxDuration the longest warm-up, positive
   */
  record UntilStable(int windowInserts, double tolerance, int windows, long maxInserts, Duration maxDuration)
      implements WarmupRule {
    public UntilStable {
      if (windowInserts < 10 || !(tolerance > 0 && tolerance < 1) || windows < 2
          || maxInserts < (long) windows * windowInserts || maxDuration.isNegative() || maxDuration.isZero()) {
        throw new IllegalArgumentException("warmup: auto needs a window >= 10 inserts, a tolerance within (0, 1),"
            + " >= 2 windows, a maximum >= windows x window and a positive maximum duration, got " + windowInserts
            + ", " + tolerance + ", " + windows + ", " + maxInserts + ", " + maxDuration);
      }
    }

    @Override
    public WarmupProgress check(long[] latenciesUs, Duration elapsed) {
      int complete = latenciesUs.length / windowInserts;
      String medians = "";
      boolean stable = false;
      if (complete >= windows) {
        long[] m = new long[windows];
        for (int i = 0; i < windows; i++) {
          int from = (complete - windows + i) * windowInserts;
          m[i] = Percentiles.valueAt(Percentiles.histogramOf(Arrays.copyOfRange(latenciesUs, from,
              from + windowInserts)), 50);
        }
        long lo = Arrays.stream(m).min().orElseThrow();
        long hi = Arrays.stream(m).max().orElseThrow();
        stable = hi <= lo * (1 + tolerance);
        StringJoiner j = new StringJoiner(", ", "window medians ", " µs");
        Arrays.stream(m).forEach(v -> j.add(Long.toString(v)));
        medians = j.toString();
      }
      if (stable) {
        return new WarmupProgress(true, true, medians + String.format(Locale.ROOT, " within %.0f %%",
            tolerance * 100));
      }
      if (latenciesUs.length >= maxInserts || elapsed.compareTo(maxDuration) >= 0) {
        return new WarmupProgress(true, false, "stopped at " + latenciesUs.length + " inserts, "
            + Units.duration(elapsed) + ": still drifting" + (medians.isEmpty() ? "" : " (" + medians + ")"));
      }
      return new WarmupProgress(false, false, medians.isEmpty() ? latenciesUs.length + " inserts" : medians);
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "auto(%d x %d inserts within %s %% up to %d inserts or %s)", windows,
          windowInserts, Units.number(Math.round(tolerance * 10_000) / 100.0), maxInserts, Units.duration(maxDuration));
    }
  }
}

package io.sequela.gatlingrun;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * The inserts of a KeyGenSimulation run as Gatling recorded them, per strategy: OK response times in an
 * HdrHistogram (ms, 3 significant digits), KO count, and duplicate-key violations among the KOs
 * ({@link DuplicateKeys}). Requests are named {@code insert <strategy>} ({@link #requestName}); others
 * (the COMMIT requests) are ignored.
 */
public final class InsertOutcomes {

  private static final String PREFIX = "insert ";
  private static final long HIGHEST_MS = 3_600_000;

  private final Map<String, Histogram> ok = new HashMap<>();
  private final Map<String, long[]> failures = new HashMap<>();

  /** The Gatling request name of a strategy's inserts, e.g. {@code insert uuid4}. */
  public static String requestName(String strategy) {
    return PREFIX + strategy;
  }

  /**
   * Records one Gatling request (a REQUEST record of simulation.log); requests not named
   * {@link #requestName} are ignored.
   *
   * @param millis response time in ms
   * @param message the KO message (ignored for OK)
   */
  public void recordRequest(String requestName, long millis, boolean okStatus, String message) {
    if (requestName.startsWith(PREFIX)) {
      record(requestName.substring(PREFIX.length()), millis, okStatus, message);
    }
  }

  /**
   * Records one insert.
   *
   * @param strategy the strategy id
   * @param millis response time in ms (clamped to 0..1 h)
   * @param okStatus true for OK
   * @param message the KO message (ignored for OK)
   */
  public void record(String strategy, long millis, boolean okStatus, String message) {
    if (okStatus) {
      ok.computeIfAbsent(strategy, k -> new Histogram(HIGHEST_MS, 3)).recordValue(Math.min(HIGHEST_MS, Math.max(0, millis)));
    } else {
      long[] f = failures.computeIfAbsent(strategy, k -> new long[2]);
      f[0]++;
      if (DuplicateKeys.isDuplicate(message)) {
        f[1]++;
      }
    }
  }

  /** OK response times of a strategy, empty when none was recorded. */
  public Optional<Histogram> okTimes(String strategy) {
    return Optional.ofNullable(ok.get(strategy));
  }

  /** OK inserts of a strategy. */
  public long okCount(String strategy) {
    return okTimes(strategy).map(Histogram::getTotalCount).orElse(0L);
  }

  /** KO inserts of a strategy, duplicates included. */
  public long ko(String strategy) {
    return failures.getOrDefault(strategy, new long[2])[0];
  }

  /** Inserts of a strategy refused for a duplicate key. */
  public long duplicates(String strategy) {
    return failures.getOrDefault(strategy, new long[2])[1];
  }
}

package io.sequela.seqorder;

import io.sequela.design.WarmupProgress;
import io.sequela.design.WarmupSummary;
import io.sequela.design.WarmupRule;
import io.sequela.load.Outcome;
import java.time.Duration;
import java.util.Arrays;

/**
 * One variant's warm-up under way: its users insert untimed until {@link #done()} says the {@link WarmupRule} is
 * met (or {@link SeqOrderDesign#WARMUP_CAP} passed). Its OK inserts' latencies are kept here only, never in the run's
 * figures. The rule is asked at most every {@link #CHECK_EVERY} inserts or {@link #CHECK_PERIOD}, and once it says
 * done the answer stays. Thread-safe.
 *
 * <p>With a renewal (the run's first warm-up): the first time the rule is met, the warm-up renews its connections
 * ({@link io.sequela.load.JdbcWorkers#renewConnections}) and its rule starts over on the new ones, so the first
 * requests on fresh connections, which every block starts with, run once after the JIT compiled the rest (without
 * it they are compiled again in the first block's first seconds: docs/insert-path-profile.md).
 */
final class WarmupTracker {

  private static final int CHECK_EVERY = 50;
  private static final Duration CHECK_PERIOD = Duration.ofMillis(100);

  private final WarmupRule rule;
  private final Duration cap;
  private Runnable renewal;
  private long firstStartNanos;
  private int okBeforeRenewal;
  private long[] latenciesUs = new long[1024];
  private int count;
  private long inserts;
  private long startNanos;
  private long lastCheckNanos;
  private int checkedAt = -1;
  private volatile WarmupProgress result;

  WarmupTracker(WarmupRule rule, Duration cap) {
    this(rule, cap, null);
  }

  /**
   * @param renewal run once, when the rule is first met, before the rule starts over (the cap too); null for none
   */
  WarmupTracker(WarmupRule rule, Duration cap, Runnable renewal) {
    this.rule = rule;
    this.cap = cap;
    this.renewal = renewal;
  }

  /** The warm-up starts now (its stage opened). */
  synchronized void start() {
    startNanos = System.nanoTime();
    lastCheckNanos = startNanos;
    firstStartNanos = startNanos;
  }

  /** One settled insert of the warm-up: an OK one's latency is kept. */
  synchronized void record(Outcome o) {
    inserts++;
    if (!o.ok()) {
      return;
    }
    if (count == latenciesUs.length) {
      latenciesUs = Arrays.copyOf(latenciesUs, count * 2);
    }
    latenciesUs[count++] = Math.max(0, Math.round(o.durationNanos() / 1000.0));
  }

  /** True once the warm-up is over: its users stop and the measured blocks follow. */
  boolean done() {
    if (result != null) {
      return true;
    }
    synchronized (this) {
      if (result != null) {
        return true;
      }
      long now = System.nanoTime();
      if (startNanos == 0) {
        start();
      }
      Duration elapsed = Duration.ofNanos(now - startNanos);
      if (elapsed.compareTo(cap) >= 0) {
        result = new WarmupProgress(true, false, "stopped at the cap of " + cap.toSeconds() + " s after " + inserts
            + " inserts (" + count + " OK)");
        return true;
      }
      if (count - checkedAt < CHECK_EVERY && now - lastCheckNanos < CHECK_PERIOD.toNanos() && checkedAt >= 0) {
        return false;
      }
      checkedAt = count;
      lastCheckNanos = now;
      WarmupProgress p = rule.check(Arrays.copyOf(latenciesUs, count), elapsed);
      if (p.done() && renewal != null) {
        Runnable r = renewal;
        renewal = null;
        r.run();
        okBeforeRenewal = count;
        count = 0;
        startNanos = now;
        checkedAt = -1;
        return false;
      }
      if (p.done()) {
        result = new WarmupProgress(true, p.stable(), p.reason());
      }
      return p.done();
    }
  }

  /** How the warm-up ended; for a warm-up that never ran or was cut short, an unstable note. */
  synchronized WarmupSummary summary(String variant) {
    WarmupProgress p = result != null ? result : new WarmupProgress(false, false, "did not end (the run stopped)");
    long ms = startNanos == 0 ? 0 : Duration.ofNanos((result == null ? System.nanoTime() : lastCheckNanos) - firstStartNanos)
        .toMillis();
    return new WarmupSummary(variant, inserts, okBeforeRenewal + count, ms, p.done() && p.stable(), p.reason());
  }
}

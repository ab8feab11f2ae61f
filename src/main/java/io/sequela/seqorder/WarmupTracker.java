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
 * done the answer stays until the next part starts. Thread-safe.
 *
 * <p>A warm-up in two parts (two stages, the second a {@link Stage#rehearsal}): the rule, once met, ends the first
 * part's stage; the second part's stage {@link #start()}s it again and the rule must be met again on that part's
 * inserts. A part stopped by the cap ends the whole warm-up. Its summary counts both parts.
 */
final class WarmupTracker {

  private static final int CHECK_EVERY = 50;
  private static final Duration CHECK_PERIOD = Duration.ofMillis(100);

  private final WarmupRule rule;
  private final Duration cap;
  private final int parts;
  private int part;
  private long firstStartNanos;
  private int okEarlierParts;
  private long[] latenciesUs = new long[1024];
  private int count;
  private long inserts;
  private long startNanos;
  private long lastCheckNanos;
  private int checkedAt = -1;
  private boolean partDone;
  private volatile WarmupProgress result;

  WarmupTracker(WarmupRule rule, Duration cap) {
    this(rule, cap, 1);
  }

  /**
   * @param cap the longest a part may run
   * @param parts 1, or 2 for a warm-up run as two stages
   * @throws IllegalArgumentException for parts other than 1 or 2
   */
  WarmupTracker(WarmupRule rule, Duration cap, int parts) {
    if (parts < 1 || parts > 2) {
      throw new IllegalArgumentException("parts must be 1 or 2, got " + parts);
    }
    this.rule = rule;
    this.cap = cap;
    this.parts = parts;
  }

  /** A part of the warm-up starts now (its stage opened): the first, then the second; its rule counts afresh. */
  synchronized void start() {
    long now = System.nanoTime();
    if (part == 0) {
      firstStartNanos = now;
    } else {
      okEarlierParts += count;
      count = 0;
      checkedAt = -1;
      partDone = false;
    }
    part++;
    startNanos = now;
    lastCheckNanos = now;
  }

  /**
   * A part starts now ({@link #start}) with its users' loop limit; a warm-up already over (its first part stopped by
   * the cap) ends that limit before any user of the part starts an insert.
   */
  void startPart(LoopLimit partLimit) {
    start();
    if (result != null) {
      partLimit.end();
    }
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

  /**
   * One settled insert of the current part ({@link #record}), then, once the part is over ({@link #done}), its
   * users' loop limit ended: no user of the part starts another insert.
   */
  void settle(Outcome o, LoopLimit partLimit) {
    record(o);
    if (done()) {
      partLimit.end();
    }
  }

  /** True once the current part is over: its users stop; after the last part the measured blocks follow. */
  boolean done() {
    if (result != null) {
      return true;
    }
    synchronized (this) {
      if (result != null || partDone) {
        return true;
      }
      long now = System.nanoTime();
      if (startNanos == 0) {
        start();
      }
      Duration elapsed = Duration.ofNanos(now - startNanos);
      if (elapsed.compareTo(cap) >= 0) {
        result = new WarmupProgress(true, false, "stopped at the cap of " + cap.toSeconds() + " s after " + inserts
            + " inserts (" + (okEarlierParts + count) + " OK)");
        return true;
      }
      if (count - checkedAt < CHECK_EVERY && now - lastCheckNanos < CHECK_PERIOD.toNanos() && checkedAt >= 0) {
        return false;
      }
      checkedAt = count;
      lastCheckNanos = now;
      WarmupProgress p = rule.check(Arrays.copyOf(latenciesUs, count), elapsed);
      if (p.done() && part < parts) {
        partDone = true;
      } else if (p.done()) {
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
    return new WarmupSummary(variant, inserts, okEarlierParts + count, ms, p.done() && p.stable(), p.reason());
  }
}

package io.sequela.stats;

import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The inserts of one KeyGen step (a strategy's warm-up or one of its measured blocks) as they complete: OK response times in µs in an
 * HdrHistogram of 3 significant digits (exact up to 2,047 µs, within 0.1 % above), KO and duplicate-key
 * counts. Thread-safe: the users' workers record concurrently; read it once the block is over.
 */
public final class BlockRecorder {

  private final Histogram okMicros = new ConcurrentHistogram(3);
  private final AtomicLong ko = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();

  /** A duration in ns as whole µs, rounded half up. */
  public static long micros(long nanos) {
    return Math.max(0, (nanos + 500) / 1000);
  }

  /**
   * Records one insert.
   *
   * @param micros its response time, µs (ignored for a KO)
   * @param ok true when it succeeded
   * @param duplicate true when it failed on a duplicate key
   */
  public void record(long micros, boolean ok, boolean duplicate) {
    if (ok) {
      okMicros.recordValue(Math.max(0, micros));
    } else {
      ko.incrementAndGet();
      if (duplicate) {
        duplicates.incrementAndGet();
      }
    }
  }

  /** OK inserts recorded. */
  public long okCount() {
    return okMicros.getTotalCount();
  }

  /** The OK response times, µs; percentiles through {@link Percentiles#valueAt}. */
  public Histogram okMicros() {
    return okMicros;
  }

  /** Failed inserts, duplicates included. */
  public long ko() {
    return ko.get();
  }

  /** Inserts refused for a duplicate key. */
  public long duplicates() {
    return duplicates.get();
  }
}

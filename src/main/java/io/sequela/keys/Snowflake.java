package io.sequela.keys;

import io.sequela.SequelaException;
import java.util.function.LongSupplier;

/**
 * Twitter Snowflake ids: a positive 64-bit {@code long} made of 41 bits of milliseconds since
 * {@link #TWITTER_EPOCH_MS} (about 69 years, until 2080), 10 bits of worker id (0..1023) and 12 bits of
 * sequence (4,096 ids per millisecond per worker). Layout and epoch as in Twitter's snowflake README
 * (https://github.com/twitter-archive/snowflake, "Solution"); a worker id must be unique among the
 * generators writing one table (sequela gives each virtual user its own; the pre-seeded rows of
 * {@code models/keygen.conf} use worker 0).
 *
 * <p>Thread-safe and strictly increasing per generator. When 4,096 ids were handed out in one millisecond
 * it spins to the next one. When the clock goes backwards it <b>refuses</b>, as Twitter's server does
 * ("refuses to generate ids while the clock runs backwards"): {@link #next()} throws
 * {@link ClockMovedBackwards} until the clock has caught up with the last id's millisecond.
 */
public final class Snowflake {

  /** Twitter's custom epoch, 2010-11-04T01:42:54.657Z, in ms since the Unix epoch. */
  public static final long TWITTER_EPOCH_MS = 1288834974657L;
  /** Largest worker id (10 bits). */
  public static final int MAX_WORKER = 1023;
  static final int SEQUENCE_BITS = 12;
  static final int WORKER_BITS = 10;
  private static final int SEQUENCE_MASK = (1 << SEQUENCE_BITS) - 1;
  private static final long MAX_MILLIS = (1L << 41) - 1;

  private final int worker;
  private final long epochMs;
  private final LongSupplier clockMs;
  private long lastMs = -1;
  private int sequence;

  /** Thrown when the clock reads earlier than the millisecond of the last id handed out. */
  public static final class ClockMovedBackwards extends SequelaException {
    ClockMovedBackwards(long byMs) {
      super("snowflake: clock moved backwards by " + byMs + " ms; refusing to generate ids until it catches up");
    }
  }

  /**
   * A generator on the system clock with Twitter's epoch.
   *
   * @param worker 0..1023
   * @throws SequelaException.InvalidInput for a worker id out of range
   */
  public Snowflake(int worker) {
    this(worker, TWITTER_EPOCH_MS, System::currentTimeMillis);
  }

  /**
   * A generator on any clock, for tests.
   *
   * @param worker 0..1023
   * @param epochMs the custom epoch, ms since the Unix epoch
   * @param clockMs the clock, ms since the Unix epoch
   */
  public Snowflake(int worker, long epochMs, LongSupplier clockMs) {
    if (worker < 0 || worker > MAX_WORKER) {
      throw new SequelaException.InvalidInput("snowflake worker: must be 0.." + MAX_WORKER + ", got " + worker);
    }
    this.worker = worker;
    this.epochMs = epochMs;
    this.clockMs = clockMs;
  }

  /**
   * The next id, greater than every id this generator returned before.
   *
   * @throws ClockMovedBackwards when the clock reads before the last id's millisecond
   * @throws SequelaException when the clock is before the epoch or 2^41 ms after it
   */
  public synchronized long next() {
    long now = clockMs.getAsLong();
    if (now < lastMs) {
      throw new ClockMovedBackwards(lastMs - now);
    }
    if (now == lastMs) {
      sequence = (sequence + 1) & SEQUENCE_MASK;
      if (sequence == 0) {
        while (now <= lastMs) {
          Thread.onSpinWait();
          now = clockMs.getAsLong();
        }
      }
    } else {
      sequence = 0;
    }
    lastMs = now;
    long millis = now - epochMs;
    if (millis < 0 || millis > MAX_MILLIS) {
      throw new SequelaException("snowflake: clock " + now + " ms is outside the 41-bit range of epoch " + epochMs);
    }
    return millis << (WORKER_BITS + SEQUENCE_BITS) | (long) worker << SEQUENCE_BITS | sequence;
  }

  /** The worker id of this generator. */
  public int worker() {
    return worker;
  }

  /** Milliseconds since the epoch encoded in an id (its top 41 bits). */
  static long millisOf(long id) {
    return id >>> (WORKER_BITS + SEQUENCE_BITS);
  }

  /** The worker id encoded in an id (bits 12..21). */
  static int workerOf(long id) {
    return (int) (id >>> SEQUENCE_BITS) & MAX_WORKER;
  }

  /** The sequence encoded in an id (its low 12 bits). */
  static int sequenceOf(long id) {
    return (int) id & SEQUENCE_MASK;
  }
}

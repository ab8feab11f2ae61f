package io.sequela.seqorder;

import io.sequela.load.Outcome;
import java.time.Duration;
import java.util.Optional;

/**
 * The measured span of one block: from its first OK insert's start to its last OK insert's end, on the workers'
 * ns clock (the block's rows/s). Gatling's wait for its next tick before the block's users start is not in it.
 * Thread-safe.
 */
final class BlockClock {

  private long firstStartNanos = Long.MAX_VALUE;
  private long lastEndNanos = Long.MIN_VALUE;

  synchronized void record(Outcome o) {
    if (o.ok()) {
      firstStartNanos = Math.min(firstStartNanos, o.startNanos());
      lastEndNanos = Math.max(lastEndNanos, o.startNanos() + o.durationNanos());
    }
  }

  /** The span, at least 1 µs; empty before any OK insert. */
  synchronized Optional<Duration> duration() {
    return firstStartNanos == Long.MAX_VALUE ? Optional.empty()
        : Optional.of(Duration.ofNanos(Math.max(1_000, lastEndNanos - firstStartNanos)));
  }
}

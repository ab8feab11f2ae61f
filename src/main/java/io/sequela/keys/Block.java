package io.sequela.keys;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One reserved block of keys {@code [first, end)} and the cursor over it. The bounds never change;
 * the cursor only moves forward, by {@link #take()} (one key per call, lock-free) or {@link #drain()}.
 */
final class Block {

  /** A block with no keys, installed when the allocator closes. */
  static final Block CLOSED = new Block(0, 0, 0);

  final long first;
  final long end;
  /** The key whose handing out starts the prefetch of the next block; {@code end} when none. */
  final long prefetchKey;
  private final AtomicLong cursor;

  Block(long first, long end, long prefetchKey) {
    this.first = first;
    this.end = end;
    this.prefetchKey = prefetchKey;
    this.cursor = new AtomicLong(first);
  }

  /** The next key, or a value {@code >= end} once the block is spent (the cursor may run past end). */
  long take() {
    return cursor.getAndIncrement();
  }

  /** Keys not handed out yet. */
  long unissued() {
    return Math.max(0, end - cursor.get());
  }

  /** Ends the block: no key is handed out after this call. @return the keys it still held */
  long drain() {
    return Math.max(0, end - cursor.getAndSet(end));
  }
}

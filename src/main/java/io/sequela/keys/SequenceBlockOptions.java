package io.sequela.keys;

import io.sequela.SequelaException;
import java.util.Objects;

/**
 * Immutable settings of a {@link SequenceBlockAllocator}. Start from {@link #of(String)} and refine
 * with the {@code with...} methods; each returns a validated copy.
 *
 * @param sequenceName the SEQ_NAME row in SEQUENCE_BLOCK; 1 to 128 characters
 * @param blockSize keys reserved per database round trip, at least 1
 * @param prefetchAt fraction of a block spent (0 to 1) when the next block is fetched in the
 *     background; 1 means no prefetch: the thread that finds the block empty fetches the next one
 * @param blockListener told of every block reserved, on the thread that reserved it
 */
public record SequenceBlockOptions(String sequenceName, int blockSize, double prefetchAt, BlockListener blockListener) {

  /** Default keys per block. */
  public static final int DEFAULT_BLOCK_SIZE = 1000;
  /** Default prefetch point: the next block is fetched once 80% of the current one is handed out. */
  public static final double DEFAULT_PREFETCH_AT = 0.8;
  /** Longest SEQ_NAME, the column's width. */
  public static final int MAX_NAME_LENGTH = 128;

  /** Told of each block that the table hands out; must be cheap and thread-safe. */
  @FunctionalInterface
  public interface BlockListener {
    /** A block of keys {@code [firstKey, endKey)} was reserved. */
    void reserved(long firstKey, long endKey);
  }

  private static final BlockListener NO_LISTENER = (first, end) -> {};

  /**
   * Validates every field.
   *
   * @throws SequelaException.InvalidInput naming the field, e.g. {@code sequenceBlock.blockSize: must be >= 1, got 0}
   */
  public SequenceBlockOptions {
    if (sequenceName == null || sequenceName.isBlank()) {
      throw invalid("sequenceName", "must not be empty", sequenceName);
    }
    if (sequenceName.length() > MAX_NAME_LENGTH) {
      throw invalid("sequenceName", "must be at most " + MAX_NAME_LENGTH + " characters", sequenceName.length() + " characters");
    }
    if (blockSize < 1) {
      throw invalid("blockSize", "must be >= 1", blockSize);
    }
    if (!(prefetchAt >= 0 && prefetchAt <= 1)) {
      throw invalid("prefetchAt", "must be between 0 and 1 (1 = no prefetch)", prefetchAt);
    }
    Objects.requireNonNull(blockListener, "blockListener");
  }

  /** Options for {@code sequenceName} with {@link #DEFAULT_BLOCK_SIZE} and {@link #DEFAULT_PREFETCH_AT}. */
  public static SequenceBlockOptions of(String sequenceName) {
    return new SequenceBlockOptions(sequenceName, DEFAULT_BLOCK_SIZE, DEFAULT_PREFETCH_AT, NO_LISTENER);
  }

  /** A copy with {@code blockSize} keys per block (at least 1). */
  public SequenceBlockOptions withBlockSize(int blockSize) {
    return new SequenceBlockOptions(sequenceName, blockSize, prefetchAt, blockListener);
  }

  /** A copy that prefetches once {@code fraction} (0 to 1) of a block is handed out. */
  public SequenceBlockOptions withPrefetchAt(double fraction) {
    return new SequenceBlockOptions(sequenceName, blockSize, fraction, blockListener);
  }

  /** A copy that never prefetches: the thread that finds the block empty fetches the next one. */
  public SequenceBlockOptions withoutPrefetch() {
    return withPrefetchAt(1);
  }

  /** A copy that tells {@code listener} of every block reserved. */
  public SequenceBlockOptions withBlockListener(BlockListener listener) {
    return new SequenceBlockOptions(sequenceName, blockSize, prefetchAt, listener);
  }

  /** True when the next block is fetched in the background before the current one runs out. */
  public boolean prefetches() {
    return prefetchAt < 1;
  }

  /** Offset in a block (0 to blockSize - 1) whose handing out starts the prefetch; blockSize when none. */
  int prefetchOffset() {
    return prefetches() ? (int) Math.min(blockSize - 1L, (long) Math.floor(prefetchAt * blockSize)) : blockSize;
  }

  private static SequelaException.InvalidInput invalid(String field, String rule, Object got) {
    return new SequelaException.InvalidInput("sequenceBlock." + field + ": " + rule + ", got " + got);
  }
}

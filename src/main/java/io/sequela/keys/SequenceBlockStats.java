package io.sequela.keys;

/**
 * What a {@link SequenceBlockAllocator} has done: the pattern's trade-off of speed against lost keys.
 * {@code keysFetched = keysIssued + keysHeld + keysWasted}.
 *
 * @param blocksFetched blocks reserved in SEQUENCE_BLOCK (database round trips)
 * @param keysFetched keys reserved: blocksFetched x blockSize
 * @param keysIssued keys handed out by {@code next()}
 * @param keysHeld keys reserved but not handed out yet, in the current and a prefetched block: what a
 *     crash at this moment would lose; 0 after close
 * @param keysWasted keys reserved but never handed out, counted at close
 * @param meanFetchMicros mean time to reserve one block, µs (connection borrow + UPDATE + commit)
 */
public record SequenceBlockStats(long blocksFetched, long keysFetched, long keysIssued, long keysHeld, long keysWasted,
    double meanFetchMicros) {}

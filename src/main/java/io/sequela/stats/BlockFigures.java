package io.sequela.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one key-generation strategy measured in one block. Database-specific figures are null where the database does
 * not provide them (WAL and index block counters exist on PostgreSQL only; index size is not read on H2). Latencies are
 * the inserts' response times as the lean action timed them (execute and, under commit {@code each}, the commit; ns,
 * given in whole µs), {@link Percentiles} of a {@link BlockRecorder}.
 *
 * @param strategy the strategy id, e.g. {@code uuid4}
 * @param block the strategy's own block number, from 1
 * @param round the design's round the block ran in, from 1 (a round runs every strategy once)
 * @param slot the block's place in its round, from 1
 * @param position the block's place among all blocks of the run, from 1
 * @param rowsBefore rows the table held when the block started (pre-seeded rows plus earlier blocks')
 * @param rows rows the block added to the table
 * @param ok inserts that succeeded (OK)
 * @param wallS wall time of the block, open to last user done, in s
 * @param insertsPerS OK inserts per second of wall time (inserts/s)
 * @param p50Us median insert response time, µs; null when no insert succeeded
 * @param p95Us 95th percentile, µs
 * @param p99Us 99th percentile, µs
 * @param maxUs largest insert response time, µs
 * @param ko failed inserts (KO), duplicates included
 * @param duplicates inserts refused for a duplicate key
 * @param indexBytesBefore primary-key index size before the block, in bytes
 * @param indexBytesAfter primary-key index size after the block, in bytes
 * @param walBytes WAL written during the block in bytes (pg_current_wal_insert_lsn difference; whole server)
 * @param idxBlksRead primary-key index blocks read from outside shared buffers during the block
 * @param idxBlksHit primary-key index blocks found in shared buffers during the block
 * @param waitSamples session samples behind {@code waitEvents} (their sum): one per user session per sample (PostgreSQL;
 *     Oracle's ASH: one per active session per second)
 * @param waitEvents session samples per wait event ("type:event", or "CPU" for active without a wait), most
 *     frequent first; empty when not sampled
 * @param note one sentence on what could not be measured, or null
 */
public record BlockFigures(String strategy, int block, int round, int slot, int position, long rowsBefore, long rows,
    long ok, double wallS, double insertsPerS, Long p50Us, Long p95Us, Long p99Us, Long maxUs, long ko, long duplicates,
    Long indexBytesBefore, Long indexBytesAfter, Long walBytes, Long idxBlksRead, Long idxBlksHit, long waitSamples,
    Map<String, Long> waitEvents, String note) {

  public BlockFigures {
    waitEvents = waitEvents == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(waitEvents));
  }
}

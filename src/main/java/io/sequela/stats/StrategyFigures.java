package io.sequela.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one key-generation strategy measured: the figures of key-generation.json. Database-specific
 * figures are null where the database does not provide them (WAL and index block counters exist on
 * PostgreSQL only; index size is not read on H2).
 *
 * @param name strategy id, e.g. {@code uuid4}
 * @param rows rows the measured phase added to the table (count after minus pre-seeded rows)
 * @param wallS wall time of the phase, first user start to last user done, in s
 * @param insertsPerS OK inserts per second of wall time (inserts/s)
 * @param p50Ms median insert response time in ms (Gatling's, ms resolution; a {@link Percentiles} percentile)
 * @param p95Ms 95th percentile in ms
 * @param p99Ms 99th percentile in ms
 * @param maxMs largest insert response time in ms
 * @param ko failed inserts (KO), duplicates included
 * @param duplicates inserts refused for a duplicate key
 * @param indexBytesBefore primary-key index size before the phase, in bytes
 * @param indexBytesAfter primary-key index size after the phase, in bytes
 * @param walBytes WAL written during the phase in bytes (pg_current_wal_insert_lsn difference; whole server)
 * @param idxBlksRead primary-key index blocks read from outside shared buffers during the phase
 * @param idxBlksHit primary-key index blocks found in shared buffers during the phase
 * @param waitEvents samples per wait event ("type:event", or "CPU" for active without a wait), taken every
 *     100 ms from the users' sessions; empty when not sampled
 * @param note one sentence on what could not be measured, or null
 */
public record StrategyFigures(String name, long rows, double wallS, double insertsPerS, Long p50Ms, Long p95Ms,
    Long p99Ms, Long maxMs, long ko, long duplicates, Long indexBytesBefore, Long indexBytesAfter, Long walBytes,
    Long idxBlksRead, Long idxBlksHit, Map<String, Long> waitEvents, String note) {

  public StrategyFigures {
    waitEvents = waitEvents == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(waitEvents));
  }
}

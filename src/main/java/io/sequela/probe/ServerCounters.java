package io.sequela.probe;

import io.sequela.SequelaException;
import io.sequela.db.ProbeSql;
import io.sequela.keys.KeyStrategy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Server-side counters of one strategy's table read before and after its measured block, as the dialect's
 * {@link ProbeSql#indexCounters} gives them: primary-key index size (PostgreSQL {@code pg_relation_size}, Oracle
 * {@code USER_SEGMENTS.BYTES}; not read on H2), and on PostgreSQL the WAL position
 * ({@code pg_current_wal_insert_lsn()}) and the index's block counters from {@code pg_statio_user_indexes}
 * (reads outside shared buffers vs hits).
 *
 * @param indexBytes primary-key index size in bytes, or null
 * @param walLsn WAL insert position, or null
 * @param idxBlksRead index blocks read into shared buffers since the statistics reset, or null
 * @param idxBlksHit index blocks found in shared buffers, or null
 */
record ServerCounters(Long indexBytes, String walLsn, Long idxBlksRead, Long idxBlksHit) {

  /**
   * Reads the counters.
   *
   * @throws SequelaException.DatabaseFailure naming the table when a query fails
   */
  public static ServerCounters read(Connection c, ProbeSql probes, KeyStrategy s) {
    try {
      ProbeSql.IndexCounters i = probes.indexCounters(c, s.primaryKeyName());
      return new ServerCounters(i.indexBytes(), i.walPosition(), i.blocksRead(), i.blocksHit());
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("keygen " + s.id() + ": cannot read index and WAL counters: " + e.getMessage(), e);
    }
  }

  /**
   * WAL bytes between two positions ({@link ProbeSql#walBytes}; PostgreSQL {@code pg_wal_lsn_diff}).
   *
   * @return bytes, or null when either position is null or the database has no WAL position
   * @throws SequelaException.DatabaseFailure when the query fails
   */
  public static Long walBytes(Connection c, ProbeSql probes, String fromLsn, String toLsn) {
    if (fromLsn == null || toLsn == null) {
      return null;
    }
    try {
      return probes.walBytes(c, fromLsn, toLsn);
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("cannot compute WAL bytes: " + e.getMessage(), e);
    }
  }

  /** A counter's growth from {@code before} to this, or null when either is unknown. */
  public static Long delta(Long before, Long after) {
    return before == null || after == null ? null : after - before;
  }
}

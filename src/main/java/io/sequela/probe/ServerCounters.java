package io.sequela.probe;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.keys.KeyStrategy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Server-side counters of one strategy's table read before and after its measured phase: primary-key
 * index size (PostgreSQL {@code pg_relation_size}, Oracle {@code USER_SEGMENTS.BYTES}; not read on H2),
 * and on PostgreSQL the WAL position ({@code pg_current_wal_lsn()}) and the index's block counters from
 * {@code pg_statio_user_indexes} (reads outside shared buffers vs hits).
 *
 * @param indexBytes primary-key index size in bytes, or null
 * @param walLsn WAL insert position (pg_current_wal_insert_lsn), or null
 * @param idxBlksRead index blocks read into shared buffers since the statistics reset, or null
 * @param idxBlksHit index blocks found in shared buffers, or null
 */
public record ServerCounters(Long indexBytes, String walLsn, Long idxBlksRead, Long idxBlksHit) {

  /**
   * Reads the counters.
   *
   * @throws SequelaException.DatabaseFailure naming the table when a query fails
   */
  public static ServerCounters read(Connection c, Dialect d, KeyStrategy s) {
    try {
      if (d == Dialect.POSTGRESQL) {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_relation_size(i.indexrelid), pg_current_wal_insert_lsn()::text, "
            + "i.idx_blks_read, i.idx_blks_hit FROM pg_statio_user_indexes i WHERE i.indexrelname = ?")) {
          ps.setString(1, s.primaryKeyName());
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new ServerCounters(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4))
                : new ServerCounters(null, null, null, null);
          }
        }
      }
      if (d == Dialect.ORACLE) {
        try (PreparedStatement ps = c.prepareStatement("SELECT SUM(bytes) FROM user_segments WHERE segment_name = ?")) {
          ps.setString(1, s.primaryKeyName().toUpperCase(Locale.ROOT));
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            long b = rs.getLong(1);
            return new ServerCounters(rs.wasNull() ? null : b, null, null, null);
          }
        }
      }
      return new ServerCounters(null, null, null, null);
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("keygen " + s.id() + ": cannot read index and WAL counters: " + e.getMessage(), e);
    }
  }

  /**
   * WAL bytes between two positions (PostgreSQL {@code pg_wal_lsn_diff}).
   *
   * @return bytes, or null when either position is null
   * @throws SequelaException.DatabaseFailure when the query fails
   */
  public static Long walBytes(Connection c, String fromLsn, String toLsn) {
    if (fromLsn == null || toLsn == null) {
      return null;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_wal_lsn_diff(?::pg_lsn, ?::pg_lsn)::bigint")) {
      ps.setString(1, toLsn);
      ps.setString(2, fromLsn);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("cannot compute WAL bytes: " + e.getMessage(), e);
    }
  }

  /** A counter's growth from {@code before} to this, or null when either is unknown. */
  public static Long delta(Long before, Long after) {
    return before == null || after == null ? null : after - before;
  }
}

package io.sequela.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one statement that reserves a block of keys in SEQUENCE_BLOCK (DDL in
 * {@code sql/<dialect>/sequence_block.sql}): it adds the block size to the sequence's NEXT_VALUE and returns
 * the new value, holding the row lock until the caller commits.
 */
interface SequenceBlockSql {

  /**
   * Adds {@code blockSize} to NEXT_VALUE of the sequence's row in the connection's current transaction.
   *
   * @param blockSize keys in the block, at least 1
   * @return the new NEXT_VALUE (the end, exclusive, of the block), or null when the sequence has no row
   * @throws SQLException when the statement fails (e.g. no SEQUENCE_BLOCK table)
   */
  Long reserveBlock(Connection c, String sequenceName, int blockSize) throws SQLException;

  /**
   * {@link #reserveBlock} for a database whose UPDATE can return the new value as a query.
   *
   * @param sql a query with the parameters block size, then sequence name, returning NEXT_VALUE
   */
  static Long reserveByQuery(Connection c, String sql, String sequenceName, int blockSize) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, blockSize);
      ps.setString(2, sequenceName);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }
}

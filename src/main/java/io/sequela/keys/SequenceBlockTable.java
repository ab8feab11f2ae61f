package io.sequela.keys;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.db.SqlScripts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * The SEQUENCE_BLOCK table (SEQ_NAME primary key, NEXT_VALUE): one row per sequence, NEXT_VALUE being
 * the first key no allocator has reserved yet. DDL in {@code sql/<dialect>/sequence_block.sql}.
 *
 * <p>A block is reserved by one UPDATE that adds the block size to NEXT_VALUE and returns the new
 * value, in one short transaction: the row lock serialises allocators in any number of JVMs, so two
 * blocks never overlap.
 */
public final class SequenceBlockTable {

  private static final String TABLE_SCRIPT = "sequence_block.sql";

  private SequenceBlockTable() {}

  /**
   * Creates the table if it does not exist (idempotent).
   *
   * @throws SequelaException.DatabaseFailure naming the failing statement
   */
  public static void create(Connection c, Dialect dialect) {
    SqlScripts.run(c, dialect, TABLE_SCRIPT);
  }

  /**
   * Adds the row for a sequence whose first key is {@code firstKey}.
   *
   * @throws SequelaException.DatabaseFailure when the row exists already or the table is missing
   */
  public static void insertSequence(Connection c, String sequenceName, long firstKey) {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO SEQUENCE_BLOCK (SEQ_NAME, NEXT_VALUE) VALUES (?, ?)")) {
      ps.setString(1, sequenceName);
      ps.setLong(2, firstKey);
      ps.executeUpdate();
      commitUnlessAuto(c);
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("sequence block '" + sequenceName + "': cannot insert its row: " + e.getMessage(), e);
    }
  }

  /**
   * The sequence's NEXT_VALUE: the end (exclusive) of the last block reserved, or empty when it has no row.
   *
   * @throws SequelaException.DatabaseFailure when the query fails
   */
  static OptionalLong nextValue(Connection c, String sequenceName) {
    try (PreparedStatement ps = c.prepareStatement("SELECT NEXT_VALUE FROM SEQUENCE_BLOCK WHERE SEQ_NAME = ?")) {
      ps.setString(1, sequenceName);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("sequence block '" + sequenceName + "': cannot read NEXT_VALUE: " + e.getMessage(), e);
    }
  }

  /** The INSERT that creates a sequence's row, as text for error messages and docs. */
  static String insertSql(String sequenceName, long firstKey) {
    return "INSERT INTO SEQUENCE_BLOCK (SEQ_NAME, NEXT_VALUE) VALUES ('" + sequenceName.replace("'", "''") + "', " + firstKey + ")";
  }

  /**
   * Reserves the next {@code blockSize} keys in one transaction, by the dialect's {@link Dialect#reserveBlock}
   * (PostgreSQL {@code UPDATE ... RETURNING}, Oracle {@code UPDATE ... RETURNING INTO} in a PL/SQL block, H2
   * {@code SELECT ... FROM FINAL TABLE (UPDATE ...)}).
   *
   * @return the new NEXT_VALUE, i.e. the end (exclusive) of the block {@code [end - blockSize, end)}
   * @throws SequelaException.InvalidInput when the sequence has no row, with the INSERT that creates it
   * @throws SequelaException.DatabaseFailure when the statement fails
   */
  static long reserve(Connection c, Dialect dialect, String sequenceName, int blockSize) {
    try {
      Long end = dialect.reserveBlock(c, sequenceName, blockSize);
      commitUnlessAuto(c);
      if (end == null) {
        throw new SequelaException.InvalidInput("sequence block '" + sequenceName + "' has no row in SEQUENCE_BLOCK; create it with: "
            + insertSql(sequenceName, 1));
      }
      return end;
    } catch (SQLException e) {
      rollbackQuietly(c);
      throw new SequelaException.DatabaseFailure("sequence block '" + sequenceName + "': cannot reserve a block of " + blockSize
          + " keys (is sql/" + dialect.name() + "/" + TABLE_SCRIPT + " run?): " + e.getMessage(), e);
    }
  }

  private static void commitUnlessAuto(Connection c) throws SQLException {
    if (!c.getAutoCommit()) {
      c.commit();
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      if (!c.getAutoCommit()) {
        c.rollback();
      }
    } catch (SQLException ignored) {
      // the original failure is the one worth reporting
    }
  }
}

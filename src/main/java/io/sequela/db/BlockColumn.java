package io.sequela.db;

import io.sequela.SequelaException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/**
 * JOB_EXECUTION's BLOCK_NO: the measured block of its test a row was inserted in (1-based, in run order; issue 23),
 * so the gap analysis counts gaps, inversions and islands within each block (a mode switch drops NOORDER's cache,
 * so a boundary gap is not the mode's). Nullable: rows of older runs keep null. {@code setup.sql} creates it; a
 * table created before it gains it in the schema step ({@link #addMissing}), or the run stops saying what to run.
 */
public final class BlockColumn {

  /** The column. */
  public static final String COLUMN = "block_no";

  private BlockColumn() {}

  /**
   * True when JOB_EXECUTION has BLOCK_NO.
   *
   * @throws SQLException when the table cannot be read
   */
  static boolean present(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM " + SessionColumns.TABLE + " WHERE 1 = 0")) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        if (md.getColumnName(i).toLowerCase(Locale.ROOT).equals(COLUMN)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The statement adding the column (no default: older rows keep null). */
  static String addStatement(Dialect d) {
    return d.addColumn(SessionColumns.TABLE, COLUMN, d.longKeyType(false));
  }

  /**
   * Adds BLOCK_NO when JOB_EXECUTION lacks it (the schema step, after {@code setup.sql}).
   *
   * @return the statement run, empty when the column was there
   * @throws SequelaException.DatabaseFailure when the table cannot be read or altered
   */
  public static Optional<String> addMissing(Connection c, Dialect d) {
    try {
      if (present(c)) {
        return Optional.empty();
      }
      String sql = addStatement(d);
      try (Statement st = c.createStatement()) {
        st.execute(sql);
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
      return Optional.of(sql);
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("adding " + COLUMN + " to " + SessionColumns.TABLE + " failed: "
          + e.getMessage(), e);
    }
  }

  /**
   * Stops a run that may not alter the table ({@code sequela.schema=none}) when BLOCK_NO is missing: every row
   * must say its block.
   *
   * @throws SequelaException.DatabaseFailure one line with the statement to run
   */
  public static void requirePresent(Connection c, Dialect d) throws SQLException {
    if (!present(c)) {
      throw new SequelaException.DatabaseFailure(SessionColumns.TABLE + " lacks " + COLUMN + " (the measured block of"
          + " each row); add it with: " + addStatement(d) + " (or let the run do it: -Dsequela.schema=create)", null);
    }
  }
}

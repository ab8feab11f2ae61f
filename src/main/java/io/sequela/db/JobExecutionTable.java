package io.sequela.db;

import io.sequela.SequelaException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * sequela's primary key on JOB_EXECUTION: {@code JOB_EXECUTION_PK} on JOB_EXECUTION_ID, as the original
 * table has. Its index's right-hand leaf is part of what ORDER costs on RAC, and a duplicate id becomes a
 * failed insert carrying the database's unique-violation code instead of passing silently. setup.sql
 * creates new tables with it; a table created before it gains it here.
 */
public final class JobExecutionTable {

  /** The table. */
  public static final String TABLE = "job_execution";
  /** The primary key's name. */
  public static final String PRIMARY_KEY = "job_execution_pk";
  /** The key column. */
  public static final String KEY_COLUMN = "job_execution_id";

  private JobExecutionTable() {}

  /**
   * Checks that JOB_EXECUTION has a primary key (any name: a DBA's own counts) and, when it has none and
   * {@code mayAlter}, adds {@link #PRIMARY_KEY}.
   *
   * @param mayAlter true when the run manages the schema ({@code sequela.schema=create})
   * @throws SequelaException.DatabaseFailure with one line saying what to run, when the key is missing and
   *     {@code mayAlter} is false or the database refuses the ALTER TABLE (not the owner, duplicate ids)
   */
  public static void ensurePrimaryKey(Connection c, Dialect dialect, boolean mayAlter) {
    String add = dialect.addPrimaryKey(TABLE, PRIMARY_KEY, KEY_COLUMN);
    try {
      if (hasPrimaryKey(c)) {
        return;
      }
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("cannot read JOB_EXECUTION's primary key: " + SequenceSwitch.oneLine(e), e);
    }
    if (!mayAlter) {
      throw new SequelaException.DatabaseFailure("JOB_EXECUTION has no primary key and sequela.schema=none leaves the "
          + "table alone: run " + add, null);
    }
    try (Statement st = c.createStatement()) {
      st.execute(add);
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("JOB_EXECUTION has no primary key and adding it failed ("
          + SequenceSwitch.oneLine(e) + "): ask the table's owner to run " + add, e);
    }
  }

  /** True when JOB_EXECUTION, in the connection's current schema, has a primary key (JDBC metadata). */
  static boolean hasPrimaryKey(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    String table = md.storesUpperCaseIdentifiers() ? TABLE.toUpperCase(Locale.ROOT) : TABLE;
    try (ResultSet rs = md.getPrimaryKeys(c.getCatalog(), c.getSchema(), table)) {
      return rs.next();
    }
  }
}

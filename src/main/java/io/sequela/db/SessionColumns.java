package io.sequela.db;

import io.sequela.SequelaException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * JOB_EXECUTION's DB_SESSION and DB_INSTANCE: which database session (and cluster instance) inserted each row,
 * filled by the database through column defaults from the dialect ({@link SessionSql}). A table created before
 * these columns existed gains them in the schema step ({@link #addMissing}), or the run says what to run
 * ({@link #missingNote}).
 */
public final class SessionColumns {

  /** The table. */
  public static final String TABLE = "job_execution";
  /** The session column: the dialect's {@link SessionSql#sessionExpression()} at insert time. */
  public static final String SESSION = "db_session";
  /** The instance column: the dialect's {@link SessionSql#instanceExpression()}, null on one instance. */
  public static final String INSTANCE = "db_instance";

  private SessionColumns() {}

  /**
   * The session columns JOB_EXECUTION lacks, in the order {@link #SESSION}, {@link #INSTANCE}.
   *
   * @throws SQLException when the table cannot be read (e.g. it does not exist)
   */
  public static List<String> missing(Connection c) throws SQLException {
    List<String> have = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + TABLE + " WHERE 1 = 0")) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        have.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
      }
    }
    return List.of(SESSION, INSTANCE).stream().filter(col -> !have.contains(col)).toList();
  }

  /**
   * The statements adding the given missing columns (names from {@link #missing}): each added without a default,
   * so the rows already there keep null, then given its default.
   */
  static List<String> addStatements(Dialect d, List<String> missing) {
    List<String> out = new ArrayList<>();
    if (missing.contains(SESSION)) {
      out.add(d.addColumn(TABLE, SESSION, d.longKeyType(false)));
      out.add(d.setColumnDefault(TABLE, SESSION, d.sessionExpression()));
    }
    if (missing.contains(INSTANCE)) {
      out.add(d.addColumn(TABLE, INSTANCE, d.varcharType(64)));
      d.instanceExpression().ifPresent(e -> out.add(d.setColumnDefault(TABLE, INSTANCE, e)));
    }
    return out;
  }

  /**
   * Adds the columns JOB_EXECUTION lacks (the schema step, after {@code setup.sql}).
   *
   * @return the statements run, empty when nothing was missing
   * @throws SequelaException.DatabaseFailure when the table cannot be read or altered
   */
  public static List<String> addMissing(Connection c, Dialect d) {
    try {
      List<String> sql = addStatements(d, missing(c));
      try (Statement st = c.createStatement()) {
        for (String s : sql) {
          st.execute(s);
        }
      }
      if (!sql.isEmpty() && !c.getAutoCommit()) {
        c.commit();
      }
      return sql;
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("adding " + SESSION + " and " + INSTANCE + " to " + TABLE
          + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * One line saying what to run when the columns are missing and the run may not add them
   * ({@code sequela.schema=none}); empty when none is missing.
   *
   * @throws SQLException when the table cannot be read
   */
  public static Optional<String> missingNote(Connection c, Dialect d) throws SQLException {
    List<String> missing = missing(c);
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(TABLE + " lacks " + String.join(" and ", missing)
        + " (which session inserted each row), so sessions are not reported; add them with: "
        + String.join("; ", addStatements(d, missing)) + " (or let the run do it: -Dsequela.schema=create)");
  }
}

package io.sequela.db;

import java.util.Optional;

/**
 * Which database session, and on a cluster which instance, ran a statement: SQL expressions that JOB_EXECUTION's
 * DB_SESSION and DB_INSTANCE columns take as defaults, so the database fills them at insert time
 * ({@link SessionColumns}).
 */
interface SessionSql {

  /** The current session's id as a number, e.g. PostgreSQL's {@code pg_backend_pid()}. */
  String sessionExpression();

  /** The instance serving the current session, as text (Oracle RAC's instance number); empty on one instance. */
  default Optional<String> instanceExpression() {
    return Optional.empty();
  }

  /**
   * A query of one row giving the server's own connection limit, read when a run connects ({@link ConnectionLimit}):
   * the limit ({@link #connectionLimitSetting()}), the connections of it kept for superusers, and the connections open
   * now, as three numbers. Empty where sequela reads none (H2, an in-process database).
   */
  default Optional<String> connectionLimitQuery() {
    return Optional.empty();
  }

  /** The server setting {@link #connectionLimitQuery()} reads as the limit, for the message. */
  default String connectionLimitSetting() {
    return "max_connections";
  }

  /**
   * The ALTER TABLE adding a nullable column without a default to an existing table (its rows keep null; the
   * default is set afterwards with {@link Ddl#setColumnDefault}, so rows inserted before are not given the
   * altering session's id).
   */
  default String addColumn(String table, String column, String type) {
    return "ALTER TABLE " + table + " ADD COLUMN " + column + " " + type;
  }
}

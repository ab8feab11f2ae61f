package io.sequela.db;

import io.sequela.SequelaException;
import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * How the populator writes many rows: PostgreSQL's {@code COPY FROM STDIN} protocol (text, CSV and binary
 * row formats) where {@link #supportsCopy()}, else JDBC batches of INSERTs (the default).
 */
interface BulkLoad {

  /** True when the database takes {@code COPY ... FROM STDIN} in PostgreSQL's text, CSV and binary formats. */
  default boolean supportsCopy() {
    return false;
  }

  /**
   * Starts a COPY whose rows the caller streams.
   *
   * @param copySql {@code COPY <table> (<columns>) FROM STDIN [WITH (...)]}
   * @throws SQLException when the server refuses the statement
   * @throws SequelaException.UnsupportedDialect where not {@link #supportsCopy()}
   */
  default CopyStream copyIn(Connection c, String copySql) throws SQLException {
    throw new SequelaException.UnsupportedDialect(this + " has no COPY FROM STDIN");
  }

  /**
   * Runs a COPY reading all rows from {@code rows}.
   *
   * @return rows the server took
   * @throws SQLException when the server refuses the statement or a row
   * @throws IOException when {@code rows} cannot be read
   * @throws SequelaException.UnsupportedDialect where not {@link #supportsCopy()}
   */
  default long copyIn(Connection c, String copySql, Reader rows) throws SQLException, IOException {
    throw new SequelaException.UnsupportedDialect(this + " has no COPY FROM STDIN");
  }

  /**
   * Statements run first in a load transaction so that its commit does not wait for the log flush
   * (a lost commit means reloading, which a crashed load needs anyway); empty where the load runs as is.
   */
  default List<String> unflushedTransactionSql() {
    return List.of();
  }

  /** The database's own one-line account of an error, with its context where the driver has one. */
  default String errorLine(SQLException e) {
    return e.getMessage();
  }
}

package io.sequela.db;

import java.sql.SQLException;

/**
 * One open {@code COPY ... FROM STDIN} on a connection ({@link BulkLoad#copyIn(java.sql.Connection, String)}):
 * bytes in the format the statement names go in, {@link #end} commits the stream's rows to the statement.
 * Not thread-safe: one thread at a time.
 */
public interface CopyStream {

  /**
   * Sends bytes of rows.
   *
   * @throws SQLException when the server refused earlier data or the connection broke
   */
  void write(byte[] bytes, int offset, int length) throws SQLException;

  /**
   * Ends the COPY.
   *
   * @return rows the server took
   * @throws SQLException when the server refuses the data
   */
  long end() throws SQLException;

  /** True until {@link #end} or {@link #cancel} finished the COPY. */
  boolean isActive();

  /**
   * Cancels the COPY; the server keeps none of its rows.
   *
   * @throws SQLException when the cancel request fails
   */
  void cancel() throws SQLException;
}

package io.sequela.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Opens a connection; the caller closes it. A {@link DataSource}'s {@code getConnection} or {@link Pools#direct}; and
 * the other way round, {@link #asDataSource}.
 */
@FunctionalInterface
public interface ConnectionSource {

  /**
   * A new connection in autocommit mode.
   *
   * @throws SQLException when the database refuses it
   */
  Connection open() throws SQLException;

  /**
   * This source as a {@link DataSource} whose {@code getConnection} opens its connection, for a pool over connections
   * opened another way than by URL (HikariCP's {@code setDataSource}: {@link TransactionSpanningPool}, the benchmarks'
   * no-op connections).
   */
  default DataSource asDataSource() {
    return new SourceDataSource(this);
  }
}

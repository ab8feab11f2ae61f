package io.sequela.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Opens a connection; the caller closes it. A {@link DataSource}'s {@code getConnection} or {@link Pools#direct}. */
@FunctionalInterface
public interface ConnectionSource {

  /**
   * A new connection in autocommit mode.
   *
   * @throws SQLException when the database refuses it
   */
  Connection open() throws SQLException;
}

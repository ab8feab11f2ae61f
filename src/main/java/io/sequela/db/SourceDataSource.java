package io.sequela.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link ConnectionSource} as a {@link DataSource} ({@link ConnectionSource#asDataSource}): {@code getConnection},
 * with or without a user and password, opens the source's connection; no log writer, login timeout 0, no parent
 * logger, not a wrapper.
 */
final class SourceDataSource implements DataSource {

  private final ConnectionSource source;

  SourceDataSource(ConnectionSource source) {
    this.source = source;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return source.open();
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return source.open();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}

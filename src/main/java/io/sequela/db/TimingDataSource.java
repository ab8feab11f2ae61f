package io.sequela.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.util.DriverDataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that times, with {@link System#nanoTime()} (ns), every prepared query whose SQL text
 * contains a marker, and counts its rows, for a caller whose own timing is too coarse (the Gatling JDBC
 * plugin logs whole milliseconds).
 *
 * <p>A query is timed from {@code executeQuery()} to the {@code next()} that returns false (or the
 * result set's close, whichever comes first), so it includes execution and fetching every row, not
 * connection checkout or prepare. The String bound to parameter 1 is reported as the query's key (the
 * host). Only {@code executeQuery()} is timed; other statements pass through untouched.
 */
public final class TimingDataSource implements DataSource {

  /** Receives each timed query, on the thread that ran it. */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param key the String bound to parameter 1, or null
     * @param startNanos {@link System#nanoTime()} at executeQuery, ns
     * @param durationNanos ns from executeQuery to the end of the result set
     * @param rows rows read
     */
    void onQuery(String key, long startNanos, long durationNanos, long rows);

    /**
     * A marked query that failed, in executeQuery or while its rows were read; the error still reaches the
     * caller. Does nothing unless overridden.
     *
     * @param key the String bound to parameter 1, or null
     * @param error what the driver threw
     */
    default void onError(String key, Throwable error) {}
  }

  private final DataSource delegate;
  private final String marker;
  private final Listener listener;

  /**
   * @param delegate where connections come from
   * @param marker text that marks the queries to time, e.g. {@link CpuUsageQuery#MARKER}
   * @param listener receives every timed query
   */
  public TimingDataSource(DataSource delegate, String marker, Listener listener) {
    this.delegate = delegate;
    this.marker = marker;
    this.listener = listener;
  }

  /**
   * A pool configuration for {@code target} ({@link Pools#config}) whose connections come through a
   * TimingDataSource, e.g. for the JDBC plugin's {@code DB().hikariConfig(cfg)}.
   *
   * @param target a resolved target
   * @param name pool name for logs
   * @param size connections, at least 1
   */
  public static HikariConfig poolConfig(Target target, String name, int size, String marker, Listener listener) {
    HikariConfig cfg = Pools.config(target, name, size);
    Properties props = new Properties();
    props.putAll(cfg.getDataSourceProperties());
    DataSource driver = new DriverDataSource(cfg.getJdbcUrl(), null, props, cfg.getUsername(), cfg.getPassword());
    cfg.setDataSource(new TimingDataSource(driver, marker, listener));
    return cfg;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(delegate.getConnection(username, password));
  }

  private Connection wrap(Connection c) {
    return proxy(Connection.class, c, (p, m, args) -> {
      Object result = call(c, m, args);
      boolean marked = m.getName().equals("prepareStatement") && args != null
          && args[0] instanceof String sql && sql.contains(marker);
      return marked ? new TimedStatement((PreparedStatement) result).proxy : result;
    });
  }

  /** State of one prepared statement: the bound key and the result set being read. */
  private final class TimedStatement {
    final PreparedStatement proxy;
    String key;

    TimedStatement(PreparedStatement ps) {
      this.proxy = TimingDataSource.proxy(PreparedStatement.class, ps, (p, m, args) -> {
        if (m.getName().startsWith("set") && args != null && args.length >= 2
            && Integer.valueOf(1).equals(args[0]) && args[1] instanceof String s) {
          key = s;
        }
        if (m.getName().equals("executeQuery") && (args == null || args.length == 0)) {
          long start = System.nanoTime();
          ResultSet rs;
          try {
            rs = (ResultSet) call(ps, m, args);
          } catch (Throwable e) {
            listener.onError(key, e);
            throw e;
          }
          return new TimedResultSet(rs, key, start).proxy;
        }
        return call(ps, m, args);
      });
    }
  }

  /** Counts rows and reports the query once, at the end of the rows or at close. */
  private final class TimedResultSet {
    final ResultSet proxy;
    long rows;
    boolean reported;

    TimedResultSet(ResultSet rs, String key, long start) {
      this.proxy = TimingDataSource.proxy(ResultSet.class, rs, (p, m, args) -> {
        boolean end = m.getName().equals("close");
        Object result;
        try {
          result = call(rs, m, args);
        } catch (Throwable e) {
          if (!reported) {
            reported = true;
            listener.onError(key, e);
          }
          throw e;
        }
        if (m.getName().equals("next") && (args == null || args.length == 0)) {
          if ((Boolean) result) {
            rows++;
          } else {
            end = true;
          }
        }
        if (end && !reported) {
          reported = true;
          listener.onQuery(key, start, System.nanoTime() - start, rows);
        }
        return result;
      });
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
    return (T) Proxy.newProxyInstance(TimingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object call(Object target, Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return delegate.isWrapperFor(iface);
  }
}

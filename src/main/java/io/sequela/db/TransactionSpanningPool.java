package io.sequela.db;

import com.zaxxer.hikari.HikariConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A one-connection HikariCP pool with autocommit off whose transaction outlives the borrow: for a client
 * (the Gatling JDBC plugin) that borrows a connection for every statement and commits by sending
 * {@code COMMIT} as a statement of its own.
 *
 * <p>Why: HikariCP rolls back a connection that holds uncommitted work when it returns to the pool, so
 * with autocommit off every statement of such a client would be rolled back at once. The pool's
 * connection is a proxy whose argument-less {@code rollback()} does nothing; the work stays in the open
 * transaction until the client's {@code COMMIT} statement (and is lost, as always, if the connection
 * closes first). {@code rollback(Savepoint)} and everything else reach the driver.
 */
public final class TransactionSpanningPool {

  private TransactionSpanningPool() {}

  /**
   * The pool configuration for a resolved target.
   *
   * @param target a resolved target ({@link Target#resolve()})
   * @param name pool name; on PostgreSQL also the session's application_name after {@code "sequela "}
   * @param driverProperties extra driver properties (e.g. PostgreSQL {@code stringtype=unspecified})
   */
  public static HikariConfig config(Target target, String name, Properties driverProperties) {
    HikariConfig cfg = Pools.config(target, name, 1);
    Properties props = new Properties();
    props.putAll(cfg.getDataSourceProperties());
    props.putAll(driverProperties);
    if (target.user() != null) {
      props.setProperty("user", target.user());
    }
    if (target.password() != null) {
      props.setProperty("password", target.password());
    }
    cfg.setJdbcUrl(null);
    cfg.setUsername(null);
    cfg.setPassword(null);
    cfg.setDataSourceProperties(new Properties());
    target.dialect().loadDriver();
    ConnectionSource held = () -> held(target.jdbcUrl(), props);
    cfg.setDataSource(held.asDataSource());
    cfg.setAutoCommit(false);
    return cfg;
  }

  /** Opens a driver connection whose argument-less rollback() is a no-op. */
  private static Connection held(String url, Properties props) throws SQLException {
    Connection real = DriverManager.getConnection(url, props);
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("rollback") && (args == null || args.length == 0)) {
            return null;
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}

package io.sequela.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.sequela.SequelaException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/** HikariCP pools for targets: one pool per node, autocommit on (each statement its own transaction). */
public final class Pools {

  /** How long a pool waits for the database before the node is reported unreachable. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private Pools() {}

  /**
   * A HikariCP configuration for a target, ready for a pool or for the JDBC plugin's
   * {@code DB().hikariConfig(cfg)}. Fails fast: the pool is filled at start and a database that does not
   * answer within {@link #CONNECT_TIMEOUT} is an error.
   *
   * @param target a resolved target ({@link Target#resolve()})
   * @param name pool name for logs, e.g. {@code node-1}
   * @param size connections, at least 1
   */
  public static HikariConfig config(Target target, String name, int size) {
    return config(target, name, size, CONNECT_TIMEOUT);
  }

  /**
   * As {@link #config(Target, String, int)} with another connection timeout (SeqOrder's
   * {@code sequela.connect-timeout}).
   *
   * @param connectTimeout how long opening the pool or borrowing a connection may take, at least 250 ms
   */
  public static HikariConfig config(Target target, String name, int size, Duration connectTimeout) {
    HikariConfig cfg = new HikariConfig();
    cfg.setPoolName(name);
    cfg.setJdbcUrl(target.jdbcUrl());
    cfg.setDriverClassName(target.dialect().driverClassName());
    if (target.user() != null) {
      cfg.setUsername(target.user());
    }
    if (target.password() != null) {
      cfg.setPassword(target.password());
    }
    cfg.setMaximumPoolSize(size);
    cfg.setMinimumIdle(size);
    cfg.setConnectionTimeout(connectTimeout.toMillis());
    cfg.setInitializationFailTimeout(connectTimeout.toMillis());
    cfg.setAutoCommit(true);
    cfg.setDataSourceProperties(target.dialect().driverProperties("sequela " + name, connectTimeout));
    return cfg;
  }

  /** Driver properties for a target: connect timeout ({@link #CONNECT_TIMEOUT}) and, where the driver has one, the application name. */
  static Properties driverProperties(Target target, String name) {
    return target.dialect().driverProperties("sequela " + name, CONNECT_TIMEOUT);
  }

  /**
   * Plain driver connections for a target, without a pool, for work that holds one connection per thread
   * for its whole length (the populator): no pool start-up, no logging framework, and a refused connection
   * fails at once. Same timeout and application name as {@link #config}.
   *
   * @param target a resolved target ({@link Target#resolve()})
   * @param name on PostgreSQL the session's application_name after {@code "sequela "}
   * @return a source whose {@code open()} throws {@link SequelaException.DatabaseFailure} (see {@link #unreachable})
   *     when the database cannot be reached
   */
  public static ConnectionSource direct(Target target, String name) {
    target.dialect().loadDriver();
    Properties props = driverProperties(target, name);
    if (target.user() != null) {
      props.setProperty("user", target.user());
    }
    if (target.password() != null) {
      props.setProperty("password", target.password());
    }
    return () -> {
      try {
        return DriverManager.getConnection(target.jdbcUrl(), props);
      } catch (SQLException e) {
        throw unreachable(target, name, e);
      }
    };
  }

  /**
   * Opens a pool.
   *
   * @throws SequelaException.DatabaseFailure naming the pool and host (never the password) when the
   *     database cannot be reached within {@link #CONNECT_TIMEOUT}
   */
  public static HikariDataSource open(Target target, String name, int size) {
    return open(target, config(target, name, size));
  }

  /**
   * Opens a pool from a configuration made by {@link #config} (and changed, e.g. autocommit off).
   *
   * @throws SequelaException.DatabaseFailure as {@link #open(Target, String, int)}
   */
  public static HikariDataSource open(Target target, HikariConfig cfg) {
    failFastWhenRefused(target, cfg);
    try {
      return new HikariDataSource(cfg);
    } catch (HikariPool.PoolInitializationException e) {
      throw unreachable(target, cfg.getPoolName(), e);
    }
  }

  /**
   * One plain connection attempt before the pool: HikariCP retries a failed first connection every second until
   * its initialization timeout, which for a refused connection (nothing listens on the port) is the whole
   * connect-timeout spent on an answer already given. A refused attempt fails at once; any other outcome is left
   * to the pool (a server starting up, too many clients for a moment).
   */
  private static void failFastWhenRefused(Target target, HikariConfig cfg) {
    target.dialect().loadDriver();
    Properties props = new Properties();
    props.putAll(cfg.getDataSourceProperties());
    if (cfg.getUsername() != null) {
      props.setProperty("user", cfg.getUsername());
    }
    if (cfg.getPassword() != null) {
      props.setProperty("password", cfg.getPassword());
    }
    try (java.sql.Connection c = DriverManager.getConnection(cfg.getJdbcUrl(), props)) {
      // reachable: the pool opens its own connections
    } catch (SQLException e) {
      if (refused(e)) {
        throw unreachable(target, cfg.getPoolName(), e);
      }
    }
  }

  private static boolean refused(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.net.ConnectException) {
        return true;
      }
    }
    return false;
  }

  /** The one-line error for a database that cannot be reached. */
  public static SequelaException.DatabaseFailure unreachable(Target target, String name, Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return new SequelaException.DatabaseFailure(name + ": cannot connect to " + target.host() + " ("
        + Target.mask(String.valueOf(root.getMessage())) + ")", cause);
  }
}

package io.sequela.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sequela.db.ConnectionSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JDBC connection that does nothing, for benchmarks of the request path without a database: every
 * {@code prepareStatement} gives a statement whose setters do nothing and whose {@code executeUpdate} returns 1
 * at once. Built from {@link Proxy}s (about 0.1 µs a call, six calls an insert: part of what the benchmarks
 * report); a HikariCP pool wraps it as it wraps a real driver, so Hikari's proxies are on the path as in a run.
 */
final class NoOpJdbc {

  private NoOpJdbc() {}

  /**
   * A pool of no-op connections.
   *
   * @param size connections, at least 1
   * @param executed counts every executeUpdate, for a benchmark's TearDown check
   */
  static HikariDataSource pool(int size, AtomicLong executed) {
    HikariConfig c = new HikariConfig();
    ConnectionSource noOp = () -> connection(executed);
    c.setDataSource(noOp.asDataSource());
    c.setPoolName("no-op");
    c.setMaximumPoolSize(size);
    c.setMinimumIdle(0);
    return new HikariDataSource(c);
  }

  private static Object proxy(Class<?> type, InvocationHandler h) {
    return Proxy.newProxyInstance(NoOpJdbc.class.getClassLoader(), new Class<?>[] {type}, h);
  }

  /** The value a no-op method returns: false, 0 or null by its type. */
  private static Object nothing(Method m) {
    Class<?> r = m.getReturnType();
    if (r == boolean.class) {
      return false;
    }
    if (r == int.class) {
      return 0;
    }
    if (r == long.class) {
      return 0L;
    }
    return null;
  }

  private static Object common(Object self, Method m, Object[] args) {
    switch (m.getName()) {
      case "isValid":
        return true;
      case "hashCode":
        return System.identityHashCode(self);
      case "equals":
        return self == args[0];
      case "toString":
        return "no-op " + m.getDeclaringClass().getSimpleName();
      default:
        return nothing(m);
    }
  }

  private static Connection connection(AtomicLong executed) {
    InvocationHandler statement = (self, m, args) -> {
      if (m.getName().equals("executeUpdate")) {
        executed.incrementAndGet();
        return 1;
      }
      return common(self, m, args);
    };
    InvocationHandler connection = (self, m, args) -> {
      switch (m.getName()) {
        case "prepareStatement":
          return proxy(PreparedStatement.class, statement);
        case "getAutoCommit":
          return true;
        case "getTransactionIsolation":
          return Connection.TRANSACTION_READ_COMMITTED;
        default:
          return common(self, m, args);
      }
    };
    return (Connection) proxy(Connection.class, connection);
  }
}

package io.sequela.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A server's own connection limit, read when a run connects (the dialect's {@link SessionSql#connectionLimitQuery()}):
 * what a plan's users, each on a connection of its own, must fit in on an external target.
 *
 * @param setting the server setting read, e.g. {@code max_connections}
 * @param limit its value, connections
 * @param reserved connections of it kept for superusers, 0 or more
 * @param inUse connections open when read (sequela's own admin connection included), 0 or more
 */
public record ConnectionLimit(String setting, long limit, long reserved, long inUse) {

  /** Connections free for a plan's users: the limit less those reserved, those in use and {@code own}, at least 0. */
  public long free(int own) {
    return Math.max(0, limit - reserved - inUse - own);
  }

  /** Why {@link #free} is what it is, e.g. {@code the server's max_connections 100 minus 3 reserved, 6 in use and 7 for sequela}. */
  public String reason(int own) {
    return "the server's " + setting + " " + limit + " minus " + reserved + " reserved, " + inUse + " in use and " + own
        + " for sequela";
  }

  /**
   * Reads the limit through {@code c}.
   *
   * @return empty where the dialect reads none, or the server does not let this user read it (Oracle's v$ views
   *     without a grant): the caller then checks nothing
   */
  public static Optional<ConnectionLimit> read(Connection c, Dialect dialect) {
    Optional<String> sql = dialect.connectionLimitQuery();
    if (sql.isEmpty()) {
      return Optional.empty();
    }
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.get())) {
      if (!rs.next() || rs.getObject(1) == null) {
        return Optional.empty();
      }
      return Optional.of(new ConnectionLimit(dialect.connectionLimitSetting(), rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    } catch (SQLException e) {
      return Optional.empty();
    }
  }
}

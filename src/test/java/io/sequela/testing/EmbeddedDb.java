package io.sequela.testing;

import io.sequela.db.Dialect;
import io.sequela.db.SqlScripts;
import io.sequela.db.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The test JVM's embedded PostgreSQL with sequela's JOB_EXECUTION schema. */
public final class EmbeddedDb {

  private EmbeddedDb() {}

  /** Starts the server if needed, runs sql/postgresql/setup.sql (idempotent) and returns the target. */
  public static Target withJobExecutionSchema() throws SQLException {
    Target pg = Target.parse("embedded", null, null).resolve();
    try (Connection c = connect(pg)) {
      SqlScripts.run(c, Dialect.POSTGRESQL, "setup.sql");
    }
    return pg;
  }

  /** A new plain connection to the target. */
  public static Connection connect(Target t) throws SQLException {
    return DriverManager.getConnection(t.jdbcUrl(), t.user(), t.password());
  }
}

package io.sequela.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.sequela.db.Pools;
import io.sequela.db.Target;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A pool whose PostgreSQL goes away under it, with this JVM's logging as a run has it: starts a server of its own
 * on the data directory {@code args[0]}, opens a sequela pool of two connections, stops the server, then uses the
 * pool as a run's inserts would, so HikariCP logs what it logs about a dying database. Prints {@code done}.
 */
public final class DyingDatabase {

  private DyingDatabase() {}

  public static void main(String[] args) throws Exception {
    var server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]))
        .setCleanDataDirectory(true).setServerConfig("listen_addresses", "127.0.0.1").start();
    Target t = Target.parse("jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres", "postgres", null);
    try (HikariDataSource pool = Pools.open(t, Pools.config(t, "node 1", 2, Duration.ofMillis(500)))) {
      Connection held = pool.getConnection();
      server.close();
      for (int i = 0; i < 3; i++) {
        try (Statement st = held.createStatement()) {
          st.execute("SELECT 1");
        } catch (SQLException e) {
          // the run counts a KO
        }
        try (Connection c = pool.getConnection()) {
          c.isValid(1);
        } catch (SQLException e) {
          // the run counts a KO
        }
      }
    }
    System.out.println("done");
  }
}

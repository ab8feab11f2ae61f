package io.sequela.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.sequela.db.Dialect;
import io.sequela.db.Pools;
import io.sequela.db.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The wait-event sampler on the embedded PostgreSQL: every load session is sampled each time, the idle one as
 * Client:ClientRead and the busy one by what it waits on; other sessions are not.
 */
class WaitEventSamplerTest {

  private static final String PREFIX = "sequela keygen user";

  private static Connection session(Target pg, String applicationName) throws SQLException {
    Properties p = new Properties();
    if (pg.user() != null) {
      p.setProperty("user", pg.user());
    }
    if (pg.password() != null) {
      p.setProperty("password", pg.password());
    }
    p.setProperty("ApplicationName", applicationName);
    return DriverManager.getConnection(pg.jdbcUrl(), p);
  }

  @Test
  void everyLoadSessionIsSampledIdleOnesAsClientRead() throws Exception {
    Target pg = Target.parse("embedded", null, null).resolve();
    try (HikariDataSource admin = Pools.open(pg, "sampler test", 2);
        Connection idle = session(pg, PREFIX + " 1");
        Connection busy = session(pg, PREFIX + " 2");
        Connection other = session(pg, "someone else");
        Statement sleep = busy.createStatement()) {
      idle.createStatement().execute("SELECT 1");
      other.createStatement().execute("SELECT 1");
      CompletableFuture<Void> sleeping = CompletableFuture.runAsync(() -> {
        try {
          sleep.execute("SELECT pg_sleep(60)");
        } catch (SQLException cancelled) {
          // cancelled below once sampled
        }
      });
      waitUntilSleeping(admin);
      WaitEventSampler sampler = WaitEventSampler.start(admin, Dialect.POSTGRESQL.waitEventSampleQuery().orElseThrow(), PREFIX,
          Duration.ofMillis(5));
      while (sampler.samples() < 5) {
        Thread.sleep(5);
      }
      sampler.close();
      sleep.cancel();
      sleeping.join();
      assertThat(sampler.counts()).containsKeys("Client:ClientRead", "Timeout:PgSleep").hasSize(2);
      assertThat(sampler.counts().get("Client:ClientRead")).isEqualTo(sampler.samples());
      assertThat(sampler.sessionSamples()).as("both load sessions in every sample, the other one in none")
          .isEqualTo(2 * sampler.samples());
    }
  }

  private static void waitUntilSleeping(HikariDataSource admin) throws Exception {
    String q = "SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND wait_event = 'PgSleep'";
    try (Connection c = admin.getConnection(); PreparedStatement ps = c.prepareStatement(q)) {
      ps.setString(1, PREFIX + " 2");
      for (int i = 0; i < 6000; i++) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getLong(1) == 1) {
            return;
          }
        }
        Thread.sleep(10);
      }
    }
    throw new AssertionError("pg_sleep did not start within 60 s");
  }
}

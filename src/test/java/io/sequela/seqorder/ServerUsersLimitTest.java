package io.sequela.seqorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.db.ConnectionLimit;
import io.sequela.db.Dialect;
import io.sequela.db.Target;
import io.sequela.testing.EmbeddedDb;
import io.sequela.testing.ForkedGatling;
import io.sequela.testing.ForkedJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On an external server the plan's users are checked against the server's own limit when the run connects, before any
 * load: more is one line naming the field and the limit, exit 64 (it used to meet "too many clients" mid-run).
 */
class ServerUsersLimitTest {

  @TempDir Path dir;

  @Test
  void postgresqlGivesItsLimitAndH2None() throws Exception {
    Target pg = EmbeddedDb.withJobExecutionSchema();
    try (Connection c = EmbeddedDb.connect(pg)) {
      ConnectionLimit limit = ConnectionLimit.read(c, Dialect.POSTGRESQL).orElseThrow();
      assertThat(limit.setting()).isEqualTo("max_connections");
      assertThat(limit.limit()).isEqualTo(showInt(c, "max_connections"));
      assertThat(limit.reserved()).isEqualTo(showInt(c, "superuser_reserved_connections")
          + showInt(c, "reserved_connections"));
      assertThat(limit.inUse()).isPositive();
      assertThat(limit.free(7)).isEqualTo(limit.limit() - limit.reserved() - limit.inUse() - 7);
    }
    try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:limit")) {
      assertThat(ConnectionLimit.read(h2, Dialect.H2)).isEmpty();
    }
  }

  private static long showInt(Connection c, String setting) throws Exception {
    try (var st = c.createStatement(); var rs = st.executeQuery("SHOW " + setting)) {
      rs.next();
      return Long.parseLong(rs.getString(1));
    }
  }

  @Tag("slow")
  @Test
  void moreUsersThanTheServerTakesExit64InOneLineBeforeAnyLoad() throws Exception {
    Target pg = EmbeddedDb.withJobExecutionSchema();
    Path plan = Files.writeString(dir.resolve("plan.json"), "{ \"tests\": [ { \"test_name\": \"toomany\", \"scenarii\": ["
        + " { \"node_number\": 1, \"iterations\": 10, \"interval\": 0, \"users\": 100000, \"connection\": \"embedded\" } ] } ] }");
    long t0 = System.nanoTime();
    ForkedJvm.Outcome o = ForkedGatling.run("SeqOrderSimulation", dir.resolve("results"), List.of("-Dsequela.plan=" + plan,
        "-Dsequela.target=" + pg.jdbcUrl(), "-Dsequela.target-user=" + pg.user(), "-Dsequela.history.dir=" + dir.resolve("history")), 180);
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("ServerUsersLimitTest: exit %d after %.1f s%n", o.exitCode(), seconds);
    assertThat(o.exitCode()).as(o.output()).isEqualTo(64);
    List<String> lines = o.output().lines().filter(l -> l.startsWith("sequela:")).toList();
    assertThat(lines).as(o.output()).singleElement().asString()
        .matches("sequela: .*plan\\.json: tests\\[0\\]\\.scenarii\\[0\\]\\.users: must be at most \\d+ \\(the server's "
            + "max_connections \\d+ minus \\d+ reserved, \\d+ in use and 7 for sequela on node 1 \\(127\\.0\\.0\\.1:\\d+\\)\\), got 100000");
    assertThat(o.output()).doesNotContain("too many clients").doesNotContain("\tat ");
    assertThat(dir.resolve("history")).as("no run: no history row").doesNotExist();
  }
}

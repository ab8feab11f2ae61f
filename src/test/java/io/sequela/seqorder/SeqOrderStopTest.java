package io.sequela.seqorder;

import io.sequela.record.RequestRecords;
import io.sequela.run.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.db.Target;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.testing.EmbeddedDb;
import io.sequela.testing.ForkedGatling;
import io.sequela.testing.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run a nightly job can trust, in forked JVMs so the exit status is the real one: a mode switch the database
 * refuses stops the run before that stage inserts a row (exit 69, pages for what ran); a session killed by the
 * DBA costs only KOs; a database that dies mid-run ends the run within sequela.abort-after + 15 s (exit 69).
 */
@Slow
class SeqOrderStopTest {

  @TempDir Path dir;

  private Path plan(String json) throws Exception {
    return Files.writeString(dir.resolve("plan.json"), json);
  }

  private static String oneNode(String test, String options, int iterations, int users) {
    // one block per mode, no warm-up, seed 2 (ORDER before NOORDER): the stop, not the design, is under test
    return "{ \"blocks\": 1, \"warmup\": 0, \"order_seed\": 2, " + options + " \"tests\": [ { \"test_name\": \"" + test + "\", \"scenarii\": [ { \"node_number\": 1, \"iterations\": "
        + iterations + ", \"interval\": 0, \"users\": " + users + ", \"connection\": \"scott/Tiger_s3cret@rac1:1521/svc\" } ] } ] }";
  }

  private static long count(Target t, String where) throws SQLException {
    try (Connection c = EmbeddedDb.connect(t); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM job_execution WHERE " + where)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private ForkedGatling start(Target t, Path plan, String... more) throws Exception {
    List<String> props = new java.util.ArrayList<>(List.of("-Dsequela.plan=" + plan, "-Dsequela.target=" + t.jdbcUrl(),
        "-Dsequela.target-user=" + t.user(), "-Dsequela.embedded.dir=" + dir.resolve("pg")));
    props.addAll(List.of(more));
    return ForkedGatling.start("SeqOrderSimulation", dir.resolve("results"), props);
  }

  private JsonNode sequenceGaps() throws Exception {
    GatlingRun run = GatlingRun.latest(dir.resolve("results"), "SeqOrderSimulation").orElseThrow();
    return new ObjectMapper().readTree(run.folder().resolve("sequence-gaps.json").toFile());
  }

  @Test
  void aSwitchTheDatabaseRefusesStopsTheRunBeforeThatStageInsertsARow() throws Exception {
    Target pg = EmbeddedDb.withJobExecutionSchema();
    try (Connection c = EmbeddedDb.connect(pg); Statement st = c.createStatement()) {
      st.execute("CREATE OR REPLACE FUNCTION sequela_test_no_noorder() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN "
          + "IF current_query() ILIKE '%seq_job_execution_id CACHE 37%' THEN RAISE EXCEPTION 'NOORDER is not allowed here'; "
          + "END IF; END $$");
      st.execute("CREATE EVENT TRIGGER sequela_test_no_noorder ON ddl_command_start WHEN TAG IN ('ALTER SEQUENCE') "
          + "EXECUTE FUNCTION sequela_test_no_noorder()");
      try {
        ForkedGatling g = start(pg, plan(oneNode("refused", "\"sequence_cache\": 37,", 10, 1)));
        int exit = g.waitFor(120);
        String out = g.output();
        assertThat(exit).as(out).isEqualTo(ExitCodes.DATABASE);
        assertThat(out).contains("sequela: stopping the run: test refused, mode NOORDER: the sequence switch failed on node 1 ("
            + new Target(pg.jdbcUrl(), null, null, false).host() + "): 'ALTER SEQUENCE seq_job_execution_id CACHE 37' failed: ERROR: NOORDER is not allowed here")
            .contains("stage refused NOORDER block 2: not run").doesNotContain("Tiger_s3cret").doesNotContain("\tat ");
        assertThat(count(pg, "test_name = 'refused' AND seq_mode = 'NOORDER'")).isZero();
        assertThat(count(pg, "test_name = 'refused' AND seq_mode = 'ORDER'")).isEqualTo(10);
        JsonNode json = sequenceGaps();
        assertThat(json.get("stages").get(0).get("status").asText()).isEqualTo("ran");
        assertThat(json.get("stages").get(1).get("status").asText()).isEqualTo("not run");
        assertThat(json.get("stages").get(1).get("mode_verified").asBoolean()).isFalse();
        assertThat(json.get("stages").get(1).get("reason").asText()).contains("NOORDER is not allowed here");
        assertThat(json.get("tests").get(0).get("modes").get("ORDER").get("rows").asLong()).isEqualTo(10);
        Path page = GatlingRun.latest(dir.resolve("results"), "SeqOrderSimulation").orElseThrow().folder().resolve("sequence-gaps.html");
        assertThat(page).content().contains("not run").contains("NOORDER is not allowed here");
      } finally {
        st.execute("DROP EVENT TRIGGER sequela_test_no_noorder");
      }
    }
  }

  @Test
  void aSessionKilledByTheDbaCostsOnlyKos() throws Exception {
    Target pg = EmbeddedDb.withJobExecutionSchema();
    ForkedGatling g = start(pg, plan(oneNode("terminated", "\"modes\": [\"ORDER\"],", 6000, 2)));
    long killed = 0;
    try (Connection c = EmbeddedDb.connect(pg); Statement st = c.createStatement()) {
      for (long rows = 0; g.isAlive() && killed < 2; Thread.sleep(20)) {
        rows = count(pg, "test_name = 'terminated'");
        if (rows >= 300 * (killed + 1)) {
          try (ResultSet rs = st.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
              + "WHERE application_name LIKE 'sequela node-1 ORDER%'")) {
            rs.next();
            killed += rs.getLong(1) > 0 ? 1 : 0;
          }
        }
      }
    }
    int exit = g.waitFor(180);
    String out = g.output();
    assertThat(killed).as("sessions were killed while the run was under way").isEqualTo(2);
    assertThat(exit).as(out).isZero();
    assertThat(out).contains("reconciliation: OK = rows on every node");
    RequestRecords.Outcomes o = RequestRecords.in(GatlingRun.latest(dir.resolve("results"), "SeqOrderSimulation").orElseThrow()
        .folder()).outcomesByRequest().get("terminated ORDER node 1");
    assertThat(o.ko()).isPositive();
    assertThat(o.ok() + o.ko()).isEqualTo(12_000);
    JsonNode codes = sequenceGaps().get("tests").get(0).get("modes").get("ORDER").get("ko_by_code");
    long counted = 0;
    for (JsonNode n : codes) {
      counted += n.asLong();
    }
    assertThat(counted).as(codes.toString()).isEqualTo(o.ko());
  }

  @Test
  void aDatabaseThatDiesMidRunEndsTheRunWithinAbortAfterPlus15Seconds() throws Exception {
    // a server of its own, so the shared embedded PostgreSQL survives
    try (var own = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setDataDirectory(dir.resolve("own-pg"))
        .setCleanDataDirectory(true).setServerConfig("listen_addresses", "127.0.0.1").start()) {
      String url = "jdbc:postgresql://127.0.0.1:" + own.getPort() + "/postgres";
      Target t = new Target(url, "postgres", null, false);
      String json = "{ \"blocks\": 1, \"warmup\": 0, \"order_seed\": 2, \"tests\": [ { \"test_name\": \"dies\", \"scenarii\": ["
          + "{ \"node_number\": 1, \"iterations\": 100000, \"interval\": 0.005, \"users\": 2, \"connection\": \"embedded\" },"
          + "{ \"node_number\": 2, \"iterations\": 100000, \"interval\": 0.005, \"users\": 1, \"connection\": \"embedded\" } ] } ] }";
      ForkedGatling g = start(t, plan(json), "-Dsequela.abort-after=5s", "-Dsequela.history.dir=" + dir.resolve("history"));
      while (g.isAlive() && rows(url) < 100) {
        Thread.sleep(100);
      }
      assertThat(g.isAlive()).as(g.output()).isTrue();
      long stoppedAt = System.nanoTime();
      own.close();
      int exit = g.waitFor(120);
      double seconds = (System.nanoTime() - stoppedAt) / 1e9;
      String out = g.output();
      assertThat(exit).as(out).isEqualTo(ExitCodes.DATABASE);
      assertThat(seconds).as(out).isLessThan(5 + 15);
      assertThat(out).containsPattern("sequela: stopping the run: node [12] \\(127\\.0\\.0\\.1:" + own.getPort()
          + "\\): no successful insert for 5 s while its inserts fail; last error: .+")
          .contains("run CUT SHORT").contains("stage dies NOORDER block 2: not run");
      JsonNode gaps = sequenceGaps();
      assertThat(gaps.get("cut_short").asText()).contains("no successful insert for 5 s");
      assertThat(gaps.get("database_note").asText()).startsWith("no figures from the database");
      assertThat(gaps.get("stages").get(0).get("status").asText()).isEqualTo("cut short");
      // a cut-short run still leaves its history row, marked so that no baseline takes it
      assertThat(java.nio.file.Files.readString(dir.resolve("history/SeqOrderSimulation/dies.csv"))).as(out).contains(",cut_short,");
    }
  }

  private static long rows(String url) {
    try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM job_execution")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      return 0; // not created yet
    }
  }
}

package io.sequela.seqorder;

import io.sequela.record.RequestRecords;
import io.sequela.run.AfterReport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.db.Target;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.testing.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs SeqOrderSimulation in this JVM (Gatling's own launcher) on a tiny plan whose RAC connection string is
 * replaced by -Dsequela.target=embedded, then checks the report, that OK = rows per test x mode x node, that
 * each mode was verified, and that the stages follow one another in simulation.log.
 */
@Slow
class SeqOrderSimulationEndToEndTest {

  private static final Path RESULTS = Path.of("target/gatling-test");
  private static int exitCode;
  private static GatlingRun run;

  @BeforeAll
  static void runSimulation() {
    System.setProperty("sequela.plan", "plans/tiny.json");
    System.setProperty("sequela.target", "embedded");
    System.setProperty("sequela.results.dir", RESULTS.toString());
    exitCode = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {"-s", "SeqOrderSimulation", "-rf", RESULTS.toString()});
    run = GatlingRun.latest(RESULTS, "SeqOrderSimulation").orElseThrow();
    AfterReport.addPagesNow(); // the JVM does not exit after Gatling here, so the hook would not run yet
  }

  @AfterAll
  static void clearProperties() {
    System.clearProperty("sequela.plan");
    System.clearProperty("sequela.target");
    System.clearProperty("sequela.results.dir");
  }

  @Test
  void gatlingSucceedsAndWritesItsReport() {
    assertThat(exitCode).isZero();
    assertThat(run.hasReport()).isTrue();
    assertThat(Files.exists(run.simulationLog())).isTrue();
  }

  @Test
  void gapAnalysisPageIsLinkedAndNoorderInterleavesInCacheSizedIslands() throws Exception {
    assertThat(run.folder().resolve("sequence-gaps.html")).exists();
    assertThat(Files.readString(run.folder().resolve("index.html"))).contains("href=\"sequence-gaps.html\"");
    JsonNode modes = new ObjectMapper().readTree(run.folder().resolve("sequence-gaps.json").toFile())
        .get("tests").get(0).get("modes");
    JsonNode order = modes.get("ORDER");
    JsonNode noorder = modes.get("NOORDER");
    assertThat(order.get("rows").asLong()).isEqualTo(200);
    assertThat(noorder.get("rows").asLong()).isEqualTo(200);
    assertThat(noorder.get("inversions_total").asLong()).isGreaterThan(order.get("inversions_total").asLong());
    // tiny.json: sequence_cache 20; each NOORDER session draws its own block of 20 ids, so islands are
    // a block long, or a multiple when two sessions of one node drew neighbouring blocks
    assertThat(noorder.get("mean_island_length").asDouble()).isGreaterThanOrEqualTo(10.0);
    assertThat(order.get("mean_island_length").asDouble()).isLessThan(10.0);
  }

  @Test
  void everyNodeOfEveryModeHasMicrosecondLatenciesTheUsersSessionsAndTheRunItsIntervalLog() throws Exception {
    JsonNode test = new ObjectMapper().readTree(run.folder().resolve("sequence-gaps.json").toFile()).get("tests").get(0);
    for (String mode : new String[] {"ORDER", "NOORDER"}) {
      for (String node : new String[] {"1", "2"}) {
        JsonNode n = test.get("modes").get(mode).get("nodes").get(node);
        assertThat(n.get("count").asLong()).as(mode + " " + node).isEqualTo(n.get("rows").asLong());
        assertThat(n.get("p50_us").asLong()).isPositive().isLessThanOrEqualTo(n.get("p99_us").asLong());
        assertThat(n.get("p50_ms").asDouble()).isEqualTo(n.get("p50_us").asLong() / 1000.0);
        // fresh pools per block: 2 users per node x 4 blocks of the mode
        assertThat(n.get("sessions").asLong()).as("tiny.json: 2 users per node, 4 blocks").isEqualTo(8);
      }
    }
    String verdict = test.get("comparison").get("verdict").asText();
    assertThat(verdict).containsAnyOf("ORDER costs", "ORDER saves", "no measurable difference");
    assertThat(test.get("comparison").get("median_latency_diff_ci_us")).hasSize(2);
    String page = Files.readString(run.folder().resolve("sequence-gaps.html"));
    assertThat(page.indexOf(verdict)).as("the layout: title, then the verdict")
        .isGreaterThan(page.indexOf("Sequence ordering and gaps</h2>")).isLessThan(page.indexOf("ORDER vs NOORDER</h3>"));
    io.sequela.stats.IntervalLog hlog = io.sequela.stats.IntervalLog.read(run.folder().resolve("latency.hlog"));
    // one histogram per block (tags .../block-<b>), 4 blocks per mode by default
    assertThat(hlog.tags().stream().filter(t -> t.startsWith("tiny/ORDER/node-1/block-")).toList()).hasSize(4);
    assertThat(hlog.tags().stream().filter(t -> t.startsWith("tiny/ORDER/node-1/block-"))
        .mapToLong(t -> hlog.total(t).getTotalCount()).sum()).isEqualTo(120);
    assertThat(hlog.tags().stream().filter(t -> t.startsWith("tiny/NOORDER/node-2/block-"))
        .mapToLong(t -> hlog.total(t).getTotalCount()).sum()).isEqualTo(80);
  }

  @Test
  void eachModeIsVerifiedAndWhatItReadBackIsInTheJson() throws Exception {
    JsonNode root = new ObjectMapper().readTree(run.folder().resolve("sequence-gaps.json").toFile());
    JsonNode modes = root.get("tests").get(0).get("modes");
    assertThat(modes.get("ORDER").get("mode_verified").asBoolean()).isTrue();
    assertThat(modes.get("ORDER").get("sequence_cache").asLong()).isEqualTo(1);
    assertThat(modes.get("NOORDER").get("mode_verified").asBoolean()).isTrue();
    assertThat(modes.get("NOORDER").get("sequence_cache").asLong()).as("tiny.json: sequence_cache 20").isEqualTo(20);
    assertThat(modes.get("NOORDER").has("order_flag")).as("PostgreSQL has no order flag").isFalse();
    assertThat(modes.get("NOORDER").get("ko_by_code").size()).isZero();
    assertThat(root.get("cut_short").isNull()).isTrue();
    // per mode its warm-up, then 4 blocks each: 10 stages
    assertThat(root.get("stages")).hasSize(10).allSatisfy(s -> {
      assertThat(s.get("status").asText()).isEqualTo("ran");
      assertThat(s.get("mode_verified").asBoolean()).isTrue();
    });
  }

  @Test
  void everyRowOfABlockComesAfterEveryRowOfThePreviousBlock() throws Exception {
    // JOB_EXECUTION's BLOCK_NO and PY_DATE (the load generator's one clock): blocks run one after another, in order
    Target pg = Target.parse("embedded", null, null).resolve();
    java.util.TreeMap<Integer, java.sql.Timestamp[]> blocks = new java.util.TreeMap<>();
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT block_no, min(py_date), max(py_date) FROM job_execution "
            + "WHERE run_id = (SELECT run_id FROM job_execution WHERE test_name = 'tiny' ORDER BY py_date DESC LIMIT 1) "
            + "GROUP BY block_no ORDER BY block_no")) {
      while (rs.next()) {
        blocks.put(rs.getInt(1), new java.sql.Timestamp[] {rs.getTimestamp(2), rs.getTimestamp(3)});
      }
    }
    assertThat(blocks.keySet()).as("warm-up rows (block 0) deleted").containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    for (int k = 2; k <= 8; k++) {
      assertThat(blocks.get(k)[0]).as("block " + k + " starts after block " + (k - 1) + " ended")
          .isAfter(blocks.get(k - 1)[1]);
    }
  }

  @Test
  void thePlansPasswordAppearsNowhereInTheRunFolder() throws Exception {
    try (var files = Files.walk(run.folder())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString())
            .doesNotContain("Tiger_s3cret");
      }
    }
  }

  @Test
  void everyNodeOfEveryModeReconcilesOkWithRows() throws Exception {
    Map<String, RequestRecords.Outcomes> outcomes = new HashMap<>(RequestRecords.in(run.folder()).outcomesByRequest());
    // the warm-ups are requests of their own, counted nowhere and their rows deleted
    assertThat(outcomes.keySet()).contains("tiny ORDER node 1 warm-up", "tiny NOORDER node 2 warm-up");
    outcomes.keySet().removeIf(k -> k.endsWith(" warm-up"));
    assertThat(outcomes).containsOnlyKeys("tiny ORDER node 1", "tiny ORDER node 2", "tiny NOORDER node 1", "tiny NOORDER node 2");
    Map<String, Long> rows = new HashMap<>();
    Target pg = Target.parse("embedded", null, null).resolve();
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT test_name || ' ' || seq_mode || ' node ' || node, count(*) FROM job_execution "
            + "WHERE run_id = (SELECT run_id FROM job_execution WHERE test_name = 'tiny' ORDER BY py_date DESC LIMIT 1) GROUP BY 1")) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getLong(2));
      }
    }
    assertThat(outcomes.get("tiny ORDER node 1").ok()).isEqualTo(120);
    assertThat(outcomes.get("tiny NOORDER node 2").ok()).isEqualTo(80);
    outcomes.forEach((name, o) -> {
      assertThat(o.ko()).as(name).isZero();
      assertThat(rows.get(name)).as(name).isEqualTo(o.ok());
    });
  }
}

package io.sequela.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.sequela.config.StageNode;
import io.sequela.gaps.GapAnalysis;
import io.sequela.gaps.GapAnalysisResult;
import io.sequela.gaps.Comparison;
import io.sequela.gaps.Latencies;
import io.sequela.gaps.ModeFigures;
import io.sequela.gaps.TimeBasis;
import io.sequela.db.Dialect;
import io.sequela.config.SequenceMode;
import io.sequela.db.Pools;
import io.sequela.db.SessionColumns;
import io.sequela.db.SqlScripts;
import io.sequela.db.Target;
import io.sequela.stats.IntervalLog;
import io.sequela.stats.LatencyRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the embedded PostgreSQL: two nodes (two sessions) insert in turn through the schema's own
 * id default, first under ORDER (CACHE 1), then under NOORDER (CACHE 20) on fresh sessions; the analysis
 * is written into a copy of a real Gatling 3.11.5 report, with the inserts' own ns timings recorded as a run
 * records them (µs histograms and an interval log).
 */
class SequenceGapsReportTest {

  private static final int CACHE = 20;
  private static final int ROWS_PER_NODE = 100;

  @TempDir
  Path tmp;

  @Test
  void noorderShowsInversionsAndCacheSizedIslandsOnThePage() throws Exception {
    HikariDataSource ds = Pools.open(Target.parse("embedded", null, null).resolve(), "test", 3);
    try (Connection c = ds.getConnection()) {
      SqlScripts.run(c, Dialect.POSTGRESQL, "setup.sql");
      SessionColumns.addMissing(c, Dialect.POSTGRESQL);
    }
    LatencyRecorder recorder = LatencyRecorder.start(tmp.resolve("latency.hlog"), Duration.ofMillis(50));
    for (SequenceMode mode : List.of(SequenceMode.ORDER, SequenceMode.NOORDER)) {
      try (Connection admin = ds.getConnection(); Statement st = admin.createStatement()) {
        for (String sql : Dialect.POSTGRESQL.switchSequence("seq_job_execution_id", mode, CACHE)) {
          st.execute(sql);
        }
      }
      insertInTurn(ds, mode, recorder);
    }
    recorder.close();

    GapAnalysisResult r = GapAnalysis.run(ds, Dialect.POSTGRESQL, "e2e", List.of("demo"), TimeBasis.SQL_DATE, true);
    ds.close();
    ModeFigures order = r.tests().get(0).mode(SequenceMode.ORDER).orElseThrow();
    ModeFigures noorder = r.tests().get(0).mode(SequenceMode.NOORDER).orElseThrow();
    assertThat(order.order().totalInversions()).isZero();
    assertThat(order.islands()).isEqualTo(2L * ROWS_PER_NODE);
    assertThat(noorder.order().totalInversions()).isGreaterThan(order.order().totalInversions());
    assertThat(noorder.meanIslandLength()).isBetween(CACHE * 0.8, CACHE * 1.0);
    assertThat(noorder.order().sameNodeInversions()).isZero();

    Path run = ReportFixture.copyTo(tmp.resolve("seqordersimulation-1"));
    Latencies latencies = Latencies.builder(recorder.totals())
        .record("demo ORDER node 2", 1, false, "23505") // one failed insert, as the run record reports it
        .record("demo ORDER node 2", 1, true, null) // an OK's whole ms: ignored beside the workers' own timings
        .build();
    assertThat(SequenceGapsReport.write(run, r, latencies, RacFigures.NONE, IntervalLog.read(recorder.log())))
        .containsExactly(run.resolve("sequence-gaps.html"), run.resolve("sequence-gaps.json"));
    String console = ComparisonTable.render(r, latencies);
    assertThat(console.lines().findFirst().orElseThrow()).startsWith("demo: ").contains("µs", "95 % CI");
    assertThat(console).contains("sequence gaps: run e2e, postgresql, ordered by SQL_DATE", "median latency (µs)");

    assertThat(Files.readString(run.resolve("index.html"))).contains("href=\"sequence-gaps.html\"");
    String page = Files.readString(run.resolve("sequence-gaps.html"));
    assertThat(page).contains("<svg", "per session", "demo NOORDER", "ORDER vs NOORDER", "p99.9 µs",
        "Insert latency per interval of latency.hlog", "Percentile spectrum", "<polyline", "coloured by session (DB_SESSION)");
    assertThat(page.indexOf("ORDER vs NOORDER")).isLessThan(page.indexOf("Id against time"));
    String verdict = Comparison.of(r.tests().get(0), latencies).orElseThrow().verdict();
    assertThat(page.indexOf(verdict)).as("the layout: title, then the verdict").isGreaterThan(page.indexOf("Sequence ordering and gaps"))
        .isLessThan(page.indexOf("ORDER vs NOORDER"));
    JsonNode json = new ObjectMapper().readTree(run.resolve("sequence-gaps.json").toFile());
    assertThat(json.get("run_id").asText()).isEqualTo("e2e");
    JsonNode mode = json.get("tests").get(0).get("modes").get("NOORDER");
    assertThat(mode.fieldNames()).toIterable().contains("rows", "distinct_ids", "duplicate_ids", "min_id", "max_id",
        "span", "missing", "gap_count", "largest_gap", "inversions_adjacent", "inversions_total",
        "inversions_cross_node", "inversions_same_node", "max_displacement", "islands", "mean_island_length",
        "node_switches", "nodes", "time_basis", "id_step", "missing_by_design", "ko", "ko_by_code");
    assertThat(mode.get("id_step").asInt()).isEqualTo(1);
    assertThat(mode.get("missing_by_design").asLong()).isZero();
    JsonNode orderJson = json.get("tests").get(0).get("modes").get("ORDER");
    assertThat(orderJson.get("ko_by_code").get("23505").asLong()).isEqualTo(1);
    assertThat(orderJson.get("nodes").get("2").get("ko_by_code").get("23505").asLong()).isEqualTo(1);
    assertThat(page).contains("failed inserts (KO) by error code", "23505").doesNotContain("missing by design</b>");
    assertThat(mode.get("inversions_total").asLong()).isEqualTo(noorder.order().totalInversions());
    JsonNode node2 = mode.get("nodes").get("2");
    assertThat(node2.get("rows").asLong()).isEqualTo(ROWS_PER_NODE);
    assertThat(node2.get("count").asLong()).isEqualTo(ROWS_PER_NODE);
    long p50 = node2.get("p50_us").asLong();
    assertThat(List.of(p50, node2.get("p90_us").asLong(), node2.get("p99_us").asLong(), node2.get("p999_us").asLong(),
        node2.get("max_us").asLong())).isSorted();
    assertThat(p50).isPositive();
    assertThat(node2.get("p50_ms").asDouble()).isEqualTo(p50 / 1000.0);
    assertThat(node2.get("sessions").asLong()).as("one connection per node").isEqualTo(1);
    assertThat(node2.get("instances").isNull()).isTrue();
    assertThat(node2.get("misrouted_rows").asLong()).isZero();
    assertThat(json.get("latency_source").asText()).isEqualTo("worker");
    assertThat(json.get("tests").get(0).get("modes").get("ORDER").get("nodes").get("1").get("mean_ms").isNumber()).isTrue();
    JsonNode cmp = json.get("tests").get(0).get("comparison");
    assertThat(cmp.get("verdict").asText()).isEqualTo(verdict);
    assertThat(cmp.get("median_latency_diff_ci_us")).hasSize(2);
    assertThat(cmp.get("mean_latency_diff_ci_us").get(0).asDouble())
        .isLessThanOrEqualTo(cmp.get("mean_latency_diff_ci_us").get(1).asDouble());
    assertThat(cmp.get("median_latency_diff_us").isNumber()).isTrue();
    assertThat(cmp.get("mean_latency_diff_us").asDouble()).isEqualTo(
        latencies.mode("demo", SequenceMode.ORDER).orElseThrow().meanUs()
            - latencies.mode("demo", SequenceMode.NOORDER).orElseThrow().meanUs());
    assertThat(cmp.get("throughput_diff_pct").isNumber()).isTrue();
    assertThat(cmp.get("inversions_total_diff").asLong()).isEqualTo(noorder.order().totalInversions());
    assertThat(cmp.get("throughput_ratio").isNumber()).isTrue();
    assertThat(ComparisonTable.render(r, latencies)).contains("inversions (total)", "+" + noorder.order().totalInversions());
  }

  /** Two sessions, one per node, inserting in turn: node 1, node 2, node 1, ...; each insert timed in ns. */
  private static void insertInTurn(HikariDataSource ds, SequenceMode mode, LatencyRecorder recorder) throws Exception {
    String sql = "INSERT INTO job_execution (py_date, node, test_name, run_id, seq_mode) VALUES (?, ?, 'demo', 'e2e', ?)";
    try (Connection n1 = ds.getConnection(); Connection n2 = ds.getConnection();
        PreparedStatement p1 = n1.prepareStatement(sql); PreparedStatement p2 = n2.prepareStatement(sql)) {
      for (int i = 0; i < ROWS_PER_NODE; i++) {
        for (PreparedStatement p : List.of(p1, p2)) {
          p.setObject(1, LocalDateTime.now());
          p.setInt(2, p == p1 ? 1 : 2);
          p.setString(3, mode.name());
          long start = System.nanoTime();
          p.executeUpdate();
          recorder.channel(new StageNode("demo", mode, p == p1 ? 1 : 2).tag()).recordNanos(System.nanoTime() - start);
        }
      }
    }
  }
}

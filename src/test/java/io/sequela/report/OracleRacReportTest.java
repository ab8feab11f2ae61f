package io.sequela.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.sequela.config.KeyGenPlan;
import io.sequela.config.KeyGenPlanLoader;
import io.sequela.db.Dialect;
import io.sequela.db.InstanceWaits;
import io.sequela.db.SqlScripts;
import io.sequela.gaps.GapAnalysis;
import io.sequela.gaps.GapAnalysisResult;
import io.sequela.gaps.Latencies;
import io.sequela.gaps.TimeBasis;
import io.sequela.stats.BlockFigures;
import io.sequela.stats.KeyGenFigures;
import io.sequela.stats.StrategyFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RAC parts of the reports: {@code oracle_waits} per test x mode in sequence-gaps.json and per phase in
 * key-generation.json, the page's wait table per instance with ORDER beside NOORDER, the grant line when a view
 * was not readable, and the instance check naming the node whose service moved. A real analysis of rows on H2
 * stands in for the run; the wait figures are the probe's records.
 */
class OracleRacReportTest {

  @TempDir
  Path tmp;

  private static InstanceWaits waits(int inst, String event, long n, long us) {
    return new InstanceWaits("gv$system_event", Map.of(inst, Map.of(event, new InstanceWaits.Counter(n, us))), null);
  }

  private static GapAnalysisResult analysedRun() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:rac_report;DB_CLOSE_DELAY=-1");
    try (Connection c = ds.getConnection()) {
      SqlScripts.run(c, Dialect.H2, "setup.sql");
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO job_execution (py_date, node, test_name, run_id, seq_mode) VALUES (?, ?, 't1', 'r1', ?)")) {
        for (String mode : List.of("ORDER", "NOORDER")) {
          for (int i = 0; i < 20; i++) {
            ps.setObject(1, LocalDateTime.of(2026, 1, 1, 0, 0, i));
            ps.setInt(2, 1 + i % 2);
            ps.setString(3, mode);
            ps.executeUpdate();
          }
        }
      }
    }
    return GapAnalysis.run(ds, Dialect.H2, "r1", List.of("t1"), TimeBasis.SQL_DATE);
  }

  @Test
  void sequenceGapsCarryOracleWaitsPerModeAndThePageShowsOrderBesideNoorder() throws Exception {
    Map<String, InstanceWaits> modes = new LinkedHashMap<>();
    modes.put("NOORDER", waits(2, "row cache lock", 3, 1200));
    modes.put("ORDER", waits(1, "enq: SV - contention", 400, 1_700_000));
    RacFigures rac = new RacFigures(Map.of("t1", modes), List.of());
    Path run = ReportFixture.copyTo(tmp.resolve("seqordersimulation-1"));
    SequenceGapsReport.write(run, analysedRun(), Latencies.none(), rac);

    JsonNode order = new ObjectMapper().readTree(run.resolve(SequenceGapsReport.JSON).toFile())
        .get("tests").get(0).get("modes").get("ORDER").get("oracle_waits");
    assertThat(order.get("source").asText()).isEqualTo("gv$system_event");
    assertThat(order.get("note").isNull()).isTrue();
    JsonNode sv = order.get("instances").get("1").get("enq: SV - contention");
    assertThat(sv.get("waits").asLong()).isEqualTo(400);
    assertThat(sv.get("time_waited_us").asLong()).isEqualTo(1_700_000);

    Document page = Jsoup.parse(run.resolve(SequenceGapsReport.PAGE).toFile());
    assertThat(page.select("h3").eachText()).contains("t1: Oracle waits per instance, ORDER beside NOORDER");
    List<String> head = page.select("table").last().select("th").eachText();
    assertThat(head).startsWith("instance", "event", "ORDER waits", "ORDER time µs", "ORDER µs/wait", "NOORDER waits");
    assertThat(page.select("table").last().select("tbody tr").eachText())
        .containsExactly("1 enq: SV - contention 400 1,700,000 4250.0 - - -", "2 row cache lock - - - 3 1,200 400.0");
  }

  @Test
  void aViewNotGrantedIsOneLineOnThePageAndANoteInTheJson() throws Exception {
    String note = "Oracle wait deltas not available: gv$system_event is not readable (ORA-00942: table or view does not "
        + "exist): GRANT SELECT ON sys.gv_$system_event TO scott";
    InstanceWaits none = InstanceWaits.unreadable("gv$system_event", note);
    RacFigures rac = new RacFigures(Map.of("t1", Map.of("ORDER", none, "NOORDER", none)), List.of());
    Path run = ReportFixture.copyTo(tmp.resolve("seqordersimulation-2"));
    SequenceGapsReport.write(run, analysedRun(), Latencies.none(), rac);
    JsonNode w = new ObjectMapper().readTree(run.resolve(SequenceGapsReport.JSON).toFile())
        .get("tests").get(0).get("modes").get("NOORDER").get("oracle_waits");
    assertThat(w.get("note").asText()).isEqualTo(note);
    String html = Files.readString(run.resolve(SequenceGapsReport.PAGE));
    assertThat(Jsoup.parse(html).select("p").eachText()).containsOnlyOnce(note);
  }

  @Test
  void theInstanceCheckSaysWhichServiceMoved() {
    List<RacFigures.NodeRouting> routing = List.of(
        RacFigures.NodeRouting.of("t1", "ORDER", 1, Map.of("1", 600L)),
        RacFigures.NodeRouting.of("t1", "NOORDER", 2, Map.of("2", 480L, "1", 120L)));
    assertThat(routing.get(1).misroutedRows()).isEqualTo(120);
    assertThat(routing.get(1).usualInstance()).isEqualTo("2");
    assertThat(RacSection.instanceCheckLines(routing)).containsExactly("t1 NOORDER node 2: 120 of 600 rows on instance 1, "
        + "not on its usual instance 2: the service of node 2 moved (failover or load balancing)");
    assertThat(RacSection.instanceCheckLines(routing.subList(0, 1)))
        .containsExactly("Instance check: every node's rows are on its usual instance.");
    assertThat(RacSection.instanceCheckLines(List.of())).isEmpty();
  }

  @Test
  void keyGenerationJsonAndPageCarryEachBlocksWaitsOnlyOnOracle() {
    BlockFigures seq = new BlockFigures("seq", 1, 1, 1, 1, 0, 100, 100, 1.0, 100, 1L, 2L, 3L, 4L, 0, 0, 8192L, 16384L,
        null, null, null, 4, Map.of("CPU", 4L), null);
    KeyGenFigures figures = new KeyGenFigures("design=1", "A", List.of(),
        List.of(StrategyFigures.over("seq", List.of(seq), null, null)), List.of(), List.of(), List.of(seq));
    KeyGenPlan plan = KeyGenPlanLoader.parse("plan.conf", ConfigFactory.parseString("users = 2").root(), null);
    KeyGenReport plain = KeyGenReport.of("r", Dialect.ORACLE, plan, Duration.ofMillis(10), figures);
    assertThat(plain.json().has("oracle_waits")).isFalse();
    KeyGenReport rac = plain.withOracleWaits(Map.of("seq block 1", waits(1, "enq: TX - index contention", 9, 4500)));
    JsonNode w = rac.json().get("oracle_waits").get("seq block 1");
    assertThat(w.get("instances").get("1").get("enq: TX - index contention").get("time_waited_us").asLong()).isEqualTo(4500);
    assertThat(rac.pageBody().select("h2").eachText()).contains("Oracle waits per instance and block");
    assertThat(rac.pageBody().select("table").last().select("tbody tr").eachText())
        .containsExactly("seq block 1 1 enq: TX - index contention 9 4,500 500.0");
  }
}

package io.sequela.seqorder;

import io.sequela.record.RequestRecords;
import io.sequela.run.AfterReport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.db.Target;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.testing.EmbeddedDb;
import io.sequela.testing.Slow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SeqOrderSimulation in this JVM on plans/trust.json. Test "dup" (one user, ORDER, commit every 5) meets a row
 * placed at its 8th id: with sequela's primary key that insert is a KO carrying 23505, and it rolls back the two
 * inserts its transaction held, which count as KOs, not rows. Test "commit_end" gives each user one transaction
 * (one distinct xmin per user and node), committed after its last insert; the commits are requests of their own.
 */
@Slow
class SeqOrderCommitAndKeyTest {

  private static final Path RESULTS = Path.of("target/gatling-trust");
  private static int exitCode;
  private static GatlingRun run;
  private static Target pg;

  @BeforeAll
  static void runSimulation() throws Exception {
    pg = EmbeddedDb.withJobExecutionSchema();
    try (Connection c = EmbeddedDb.connect(pg); Statement st = c.createStatement()) {
      // the run switches to ORDER (CACHE 1) and its one user draws next, next + 1, ...: block next + 7
      ResultSet rs = st.executeQuery("SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM seq_job_execution_id");
      rs.next();
      long eighth = rs.getLong(1) + 7;
      st.execute("INSERT INTO job_execution (job_execution_id, py_date, node, test_name, run_id, seq_mode) VALUES "
          + "(to_char(current_date, 'YYYYMMDD')::bigint * 100000000 + " + eighth + ", now(), 1, 'dup', 'dup-blocker', 'ORDER')");
    }
    System.setProperty("sequela.plan", "plans/trust.json");
    System.setProperty("sequela.results.dir", RESULTS.toString());
    exitCode = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {"-s", "SeqOrderSimulation", "-rf", RESULTS.toString()});
    run = GatlingRun.latest(RESULTS, "SeqOrderSimulation").orElseThrow();
    AfterReport.addPagesNow();
  }

  @AfterAll
  static void clearProperties() {
    System.clearProperty("sequela.plan");
    System.clearProperty("sequela.results.dir");
  }

  private static Map<String, Long> perNode(String sql) throws Exception {
    Map<String, Long> out = new HashMap<>();
    try (Connection c = EmbeddedDb.connect(pg); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  private static String runId() throws Exception {
    try (Connection c = EmbeddedDb.connect(pg); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT run_id FROM job_execution WHERE test_name = 'commit_end' ORDER BY py_date DESC LIMIT 1")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void aDuplicateIdIsAKoUnderItsCodeAndTheBatchItRolledBackCountsAsKosNotRows() throws Exception {
    assertThat(exitCode).isZero();
    Map<String, RequestRecords.Outcomes> outcomes = RequestRecords.in(run.folder()).outcomesByRequest();
    assertThat(outcomes.get("dup ORDER node 1")).isEqualTo(new RequestRecords.Outcomes(17, 3));
    assertThat(outcomes.get("dup ORDER node 1 commit")).isEqualTo(new RequestRecords.Outcomes(4, 0));
    Map<String, Long> rows = perNode("SELECT test_name || ' ' || node, count(*) FROM job_execution WHERE run_id = '" + runId()
        + "' GROUP BY 1");
    assertThat(rows.get("dup 1")).isEqualTo(17);
    JsonNode mode = new ObjectMapper().readTree(run.folder().resolve("sequence-gaps.json").toFile())
        .get("tests").get(0).get("modes").get("ORDER");
    assertThat(mode.get("ko_by_code").toString()).isEqualTo("{\"23505\":3}");
    assertThat(mode.get("nodes").get("1").get("ko_by_code").toString()).isEqualTo("{\"23505\":3}");
    assertThat(run.folder().resolve("sequence-gaps.html")).content().contains("failed inserts (KO) by error code").contains("23505");
  }

  @Test
  void commitEndGivesEachUserOneTransactionAndItsCommitIsARequestOfItsOwn() throws Exception {
    Map<String, Long> transactions = perNode("SELECT seq_mode || ' ' || node, count(DISTINCT xmin::text) FROM job_execution "
        + "WHERE run_id = '" + runId() + "' AND test_name = 'commit_end' GROUP BY 1");
    assertThat(transactions).containsOnly(Map.entry("ORDER 1", 3L), Map.entry("ORDER 2", 2L), Map.entry("NOORDER 1", 3L),
        Map.entry("NOORDER 2", 2L));
    Map<String, RequestRecords.Outcomes> outcomes = RequestRecords.in(run.folder()).outcomesByRequest();
    assertThat(outcomes.get("commit_end ORDER node 1")).isEqualTo(new RequestRecords.Outcomes(120, 0));
    assertThat(outcomes.get("commit_end NOORDER node 2")).isEqualTo(new RequestRecords.Outcomes(50, 0));
    assertThat(outcomes.get("commit_end ORDER node 1 commit")).isEqualTo(new RequestRecords.Outcomes(3, 0));
    assertThat(outcomes.get("commit_end NOORDER node 2 commit")).isEqualTo(new RequestRecords.Outcomes(2, 0));
  }
}

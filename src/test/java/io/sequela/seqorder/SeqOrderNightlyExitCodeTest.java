package io.sequela.seqorder;

import io.sequela.run.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.gatlingrun.GatlingRun;
import io.sequela.assertions.JunitXml;
import io.sequela.db.Target;
import io.sequela.history.HistoryStore;
import io.sequela.history.RunRecord;
import io.sequela.report.TrendsReport;
import io.sequela.testing.EmbeddedDb;
import io.sequela.testing.ForkedGatling;
import io.sequela.testing.ForkedJvm;
import io.sequela.testing.Slow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly job as CI sees it: SeqOrderSimulation in its own JVM, once with strict and once with loose
 * assertions, on a database whose trigger makes every insert of node 1 take 3 ms and fails every insert of node 2
 * (a KO). Strict assertions exit 2 with sequela-assertions.xml naming the figures and the pages written; loose
 * ones exit 0 with every testcase passed; both runs are rows of the history and the second trend page lists both.
 */
@Slow
class SeqOrderNightlyExitCodeTest {

  @TempDir Path dir;

  private record Outcome(int exitCode, String output, GatlingRun run) {}

  private Outcome gatling(Path plan, Target pg) throws IOException, InterruptedException {
    Path results = dir.resolve("results-" + plan.getFileName());
    ForkedJvm.Outcome o = ForkedGatling.run("SeqOrderSimulation", results, List.of("-Dsequela.plan=" + plan,
        "-Dsequela.history.dir=" + dir.resolve("history"), "-Dsequela.target=" + pg.jdbcUrl(),
        "-Dsequela.target-user=" + pg.user()), 120);
    return new Outcome(o.exitCode(), o.output(), GatlingRun.latest(results, "SeqOrderSimulation").orElseThrow());
  }

  private Path plan(String name, String assertions) throws IOException {
    return Files.writeString(dir.resolve(name + ".json"), "{ \"warmup\": 0, \"blocks\": 3, \"assertions\": " + assertions + ", \"tests\": [ { \"test_name\": "
        + "\"nightly\", \"scenarii\": [ { \"node_number\": 1, \"iterations\": 4, \"interval\": 0, \"connection\": \"embedded\" },"
        + " { \"node_number\": 2, \"iterations\": 3, \"interval\": 0, \"connection\": \"embedded\" } ] } ] }");
  }

  @Test
  void strictAssertionsExitTwoLooseOnesZeroAndBothRunsAreInTheHistory() throws Exception {
    Target pg = EmbeddedDb.withJobExecutionSchema();
    try (Connection c = EmbeddedDb.connect(pg); Statement st = c.createStatement()) {
      st.execute("CREATE OR REPLACE FUNCTION nightly_test_slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
          + "IF NEW.test_name = 'nightly' THEN PERFORM pg_sleep(0.003); IF NEW.node = 2 THEN RAISE EXCEPTION 'refused by test'; "
          + "END IF; END IF; RETURN NEW; END $$");
      st.execute("CREATE TRIGGER nightly_test_slow BEFORE INSERT ON job_execution FOR EACH ROW EXECUTE FUNCTION nightly_test_slow()");
      try {
        Outcome strict = gatling(plan("strict", "{ \"ko_max\": 0, \"p99_us_max\": 1 }"), pg);
        assertThat(strict.exitCode()).as(strict.output()).isEqualTo(ExitCodes.CHECK_FAILED);
        String xml = Files.readString(strict.run().folder().resolve(JunitXml.FILE));
        assertThat(xml).contains("name=\"nightly ORDER node 1: p99_us &lt;= 1\"").containsPattern("<failure message=\"p99_us \\d+ &gt; 1\"")
            .contains("name=\"nightly NOORDER: ko &lt;= 0\"").contains("<failure message=\"ko 3 &gt; 0\"")
            .contains("name=\"nightly ORDER node 2: OK = rows\"");
        assertThat(strict.output()).contains("sequela: FAILED nightly ORDER: ko <= 0: ko 3 > 0");
        assertThat(strict.run().folder().resolve("sequence-gaps.html")).exists();
        assertThat(strict.run().folder().resolve(TrendsReport.PAGE)).exists();
        // Gatling's own assertion on the KO count per request shows in its console (3.13.5+ writes no js/assertions.xml)
        assertThat(strict.output()).contains(": false (actual : ");

        Outcome loose = gatling(plan("loose", "{ \"ko_max\": 10, \"p99_us_max\": 10000000, \"duplicates_max\": 0 }"), pg);
        assertThat(loose.exitCode()).as(loose.output()).isZero();
        String looseXml = Files.readString(loose.run().folder().resolve(JunitXml.FILE));
        assertThat(looseXml).contains("failures=\"0\"").doesNotContain("<failure").contains("nightly NOORDER node 2: p99_us");
        assertThat(Files.readString(loose.run().folder().resolve("index.html"))).contains("href=\"trends.html\"");

        List<RunRecord> rows = HistoryStore.read(dir.resolve("history/SeqOrderSimulation/nightly.csv"));
        assertThat(rows).extracting(RunRecord::status).containsExactly(RunRecord.FAILED, RunRecord.PASSED);
        assertThat(rows.get(0).metrics().get("noorder_node2_ko")).isEqualTo(3.0);
        assertThat(rows.get(1).metrics().get("order_node1_p99_us")).isGreaterThanOrEqualTo(3000.0);
        String trends = Files.readString(loose.run().folder().resolve(TrendsReport.PAGE));
        // the plans differ (hash), so the loose run's page shows its own plan's run only; the CSV holds both
        assertThat(trends).contains(rows.get(1).runId());
      } finally {
        st.execute("DROP TRIGGER nightly_test_slow ON job_execution");
      }
    }
  }
}

package io.sequela.seqorder;

import io.sequela.run.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.gatlingrun.GatlingRun;
import io.sequela.db.Target;
import io.sequela.testing.EmbeddedDb;
import io.sequela.testing.ForkedGatling;
import io.sequela.testing.ForkedJvm;
import io.sequela.testing.Slow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a nightly job sees: SeqOrderSimulation in its own JVM (as the Maven plugin forks it), so the exit
 * status is the real one. A lost row fails the run with ExitCodes.RECONCILIATION_FAILED after the pages
 * are written; a bad plan exits with ExitCodes.BAD_INPUT, one line per problem and no stack trace.
 */
@Slow
class SeqOrderExitCodeTest {

  @TempDir Path dir;

  private ForkedJvm.Outcome gatling(Path plan, String... properties) throws IOException, InterruptedException {
    List<String> props = new ArrayList<>(List.of("-Dsequela.plan=" + plan, "-Dsequela.embedded.dir=" + dir.resolve("pg"),
        "-Dsequela.history.dir=" + dir.resolve("history")));
    props.addAll(List.of(properties));
    return ForkedGatling.run("SeqOrderSimulation", dir.resolve("results"), props, 120);
  }

  private Path plan(String test, int iterations) throws IOException {
    return Files.writeString(dir.resolve("plan.json"), "{ \"modes\": [\"NOORDER\"], \"tests\": [ { \"test_name\": \"" + test
        + "\", \"scenarii\": [ { \"node_number\": 1, \"iterations\": " + iterations
        + ", \"interval\": 0, \"connection\": \"scott/Tiger_s3cret@rac1:1521/svc\" } ] } ] }");
  }

  @Test
  void aLostRowFailsTheRunAfterThePagesAreWritten() throws Exception {
    Target pg = EmbeddedDb.withJobExecutionSchema();
    try (Connection c = EmbeddedDb.connect(pg); Statement st = c.createStatement()) {
      // the database accepts the insert and keeps nothing: Gatling counts OK, JOB_EXECUTION has no row
      st.execute("CREATE OR REPLACE RULE lose_rows AS ON INSERT TO job_execution WHERE NEW.test_name = 'lost' DO INSTEAD NOTHING");
      try {
        ForkedJvm.Outcome o = gatling(plan("lost", 5), "-Dsequela.target=" + pg.jdbcUrl(), "-Dsequela.target-user=" + pg.user());
        assertThat(o.exitCode()).as(o.output()).isEqualTo(ExitCodes.RECONCILIATION_FAILED);
        assertThat(o.output()).contains("MISMATCH: OK != rows").contains("reconciliation FAILED").doesNotContain("Tiger_s3cret");
        GatlingRun run = GatlingRun.latest(dir.resolve("results"), "SeqOrderSimulation").orElseThrow();
        assertThat(run.hasReport()).isTrue();
        assertThat(run.folder().resolve("sequence-gaps.json")).exists();
        // the failed reconciliation is a failed testcase of the JUnit file, and the run a failed row of the history
        assertThat(Files.readString(run.folder().resolve("sequela-assertions.xml"))).contains("<failure message=\"OK 5 != rows 0");
        assertThat(Files.readString(dir.resolve("history/SeqOrderSimulation/lost.csv"))).contains(",failed,");
      } finally {
        st.execute("DROP RULE lose_rows ON job_execution");
      }
    }
  }

  @Test
  void thePluginWithoutItsProfileIsOneLineNamingTheProfile() throws Exception {
    for (String setting : List.of("-Dsequela.request-path=plugin", "-Dsequela.driver=plugin")) {
      ForkedJvm.Outcome o = gatling(plan("plugin", 5), setting);
      assertThat(o.exitCode()).as(o.output()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(o.output()).contains("sequela: sequela.request-path=plugin: the JDBC plugin is on a Maven profile of its own "
          + "(it pins Gatling 3.11.5): add -Pjdbc-plugin to the mvn command").doesNotContain("\tat ");
      assertThat(dir.resolve("pg")).as("no database work").doesNotExist();
    }
  }

  @Test
  void anUnsupportedJdbcUrlIsBadInputNamingTheField() throws Exception {
    Path plan = Files.writeString(dir.resolve("plan.json"), "{ \"tests\": [ { \"test_name\": \"mysql\", \"scenarii\": [ "
        + "{ \"node_number\": 1, \"iterations\": 5, \"interval\": 0, \"connection\": \"embedded\" }, "
        + "{ \"node_number\": 2, \"iterations\": 5, \"interval\": 0, \"connection\": \"jdbc:mysql://db:3306/x\", "
        + "\"password\": \"Tiger_s3cret\" } ] } ] }");
    ForkedJvm.Outcome o = gatling(plan);
    assertThat(o.exitCode()).as(o.output()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(o.output()).contains("sequela: plan.json: tests[0].scenarii[1].connection: unsupported database in "
        + "'jdbc:mysql://db:3306/x': expected jdbc:postgresql:, jdbc:oracle:, jdbc:h2: or jdbc:mariadb:")
        .doesNotContain("\tat ").doesNotContain("Tiger_s3cret");
    assertThat(dir.resolve("pg")).as("no database work: the embedded server never started").doesNotExist();
    ForkedJvm.Outcome overridden = gatling(plan, "-Dsequela.target=jdbc:mysql://db:3306/x");
    assertThat(overridden.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(overridden.output()).contains("sequela: sequela.target: unsupported database in 'jdbc:mysql://db:3306/x'");
  }

  @Test
  void aBadPlanExitsWithOneLinePerProblemAndNoStackTrace() throws Exception {
    ForkedJvm.Outcome o = gatling(plan("bad", -5));
    assertThat(o.exitCode()).as(o.output()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(o.output()).contains("sequela: plan.json:1: tests[0].scenarii[0].iterations: must be a positive integer, got -5")
        .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Tiger_s3cret");
    assertThat(dir.resolve("pg")).doesNotExist();
  }
}

package io.sequela.seqorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.db.Target;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.record.RequestRecord;
import io.sequela.record.RequestRecords;
import io.sequela.testing.EmbeddedDb;
import io.sequela.testing.ForkedGatling;
import io.sequela.testing.ForkedJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDBC plugin on its Maven profile ({@code mvn -B test -Pjdbc-plugin}: Gatling 3.11.5 and org.galaxio 0.14.1;
 * the tag keeps it out of the default build): a short main job driven by the plugin reconciles, its figures read
 * from the run record its profile filled from 3.11's text log.
 */
@Tag("jdbc-plugin")
@Tag("slow")
class JdbcPluginProfileTest {

  @TempDir Path dir;

  @Test
  void aPluginDrivenMainJobReconciles() throws Exception {
    Target pg = EmbeddedDb.withJobExecutionSchema();
    ForkedJvm.Outcome o = ForkedGatling.run("SeqOrderSimulation", dir.resolve("results"), List.of(
        "-Dsequela.plan=plans/tiny.json", "-Dsequela.request-path=plugin", "-Dsequela.target=" + pg.jdbcUrl(),
        "-Dsequela.target-user=" + pg.user(), "-Dsequela.history.dir=" + dir.resolve("history")), 180);
    assertThat(o.exitCode()).as(o.output()).isZero();
    assertThat(o.output()).contains("reconciliation: OK = rows on every node");
    GatlingRun run = GatlingRun.latest(dir.resolve("results"), "SeqOrderSimulation").orElseThrow();
    assertThat(run.folder().resolve(RequestRecord.FILE)).exists();
    // the measured inserts: the warm-ups are requests of their own ("... warm-up"), counted nowhere
    assertThat(RequestRecords.in(run.folder()).outcomesByRequest().entrySet().stream()
        .filter(e -> !e.getKey().endsWith(" warm-up")).mapToLong(e -> e.getValue().ok()).sum()).isEqualTo(400);
    assertThat(Files.readString(run.folder().resolve("sequence-gaps.json"))).contains("\"latency_source\" : \"gatling_ms\"");
  }
}

package io.sequela.injectors;

import io.sequela.seqorder.SeqOrderMerge;
import io.sequela.run.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.config.SequenceMode;
import io.sequela.config.StageNode;
import io.sequela.db.Target;
import io.sequela.gaps.Reconciliation;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.testing.EmbeddedDb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two injectors of one run, each its own JVM (Gatling's launcher, as Maven forks it) on the embedded PostgreSQL
 * of this JVM reached by URL, then the merge: the barrier kept the stages in step (by SQL_DATE), the merged
 * report counts every request once and reconciles. A lone injector of two fails with one line naming the other.
 */
class SeveralInjectorsEndToEndTest {

  @TempDir static Path dir;
  private static Target pg;
  private static final String RUN_ID = "e2e-" + System.nanoTime();
  private static final List<Path> FOLDERS = new ArrayList<>();
  private static SeqOrderMerge.Result merged;
  private static String mergeOutput;

  private record Injector(Process process, Path console) {}

  private static Injector start(String runId, int injector, int injectors, Path results, String... properties) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-cp", System.getProperty("java.class.path"), "-Dsequela.plan=plans/tiny.json",
        // one block per mode, no warm-up, seed 2 (order AB: ORDER, then NOORDER): the injectors' mechanics, not the
        // design, are under test here; the merge does not yet give the block-level verdict (issue 23)
        "-Dsequela.plan-defaults.warmup=0", "-Dsequela.plan-defaults.blocks=1", "-Dsequela.plan-defaults.order_seed=2",
        "-Dsequela.target=" + pg.jdbcUrl(), "-Dsequela.target-user=" + pg.user(),
        "-Dsequela.injector=" + injector + "/" + injectors, "-Dsequela.run-id=" + runId,
        "-Dsequela.results.dir=" + results, "-Dsequela.embedded.dir=" + dir.resolve("unused-pg")));
    cmd.addAll(List.of(properties));
    // -nr: no per-injector report, as the gatling-operator's runners do; the merge writes the one report
    cmd.addAll(List.of("io.gatling.app.Gatling", "-s", "SeqOrderSimulation", "-rf", results.toString(), "-nr"));
    Path console = results.resolveSibling(results.getFileName() + ".out");
    Files.createDirectories(results);
    return new Injector(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(console.toFile()).start(), console);
  }

  private static int await(Injector i) throws Exception {
    assertThat(i.process().waitFor(180, TimeUnit.SECONDS)).as("injector finished").isTrue();
    return i.process().exitValue();
  }

  @BeforeAll
  static void runTwoInjectorsAndMerge() throws Exception {
    pg = EmbeddedDb.withJobExecutionSchema();
    List<Injector> injectors = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      injectors.add(start(RUN_ID, i, 2, dir.resolve("injector-" + i)));
    }
    for (int i = 1; i <= 2; i++) {
      Injector inj = injectors.get(i - 1);
      assertThat(await(inj)).as(Files.readString(inj.console())).isZero();
      try (Stream<Path> f = Files.list(dir.resolve("injector-" + i))) {
        FOLDERS.add(f.filter(p -> p.getFileName().toString().startsWith("seqordersimulation-injector-")).findFirst().orElseThrow());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    merged = SeqOrderMerge.run(new SeqOrderMerge.Request(RUN_ID, List.of(FOLDERS.get(1), FOLDERS.get(0)), dir, pg,
        () -> System.getProperty("java.class.path")), new PrintStream(out, true, StandardCharsets.UTF_8));
    mergeOutput = out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void eachInjectorLeavesItsNumberedFolderAndRecordsItsHalfOfTheUsers() throws Exception {
    for (int i = 1; i <= 2; i++) {
      Path folder = FOLDERS.get(i - 1);
      assertThat(folder.getFileName().toString()).matches("seqordersimulation-injector-" + i + "-\\d{17}");
      assertThat(new GatlingRun(folder).outcomesByRequest().values().stream().mapToLong(GatlingRun.Outcomes::ok).sum()).isEqualTo(200);
    }
    // tiny.json: node 1 has 2 users x 60, node 2 has 2 users x 40; each injector drives one user of each
    try (var db = io.sequela.db.Pools.open(pg, "test", 1)) {
      assertThat(InjectorShares.of(db, RUN_ID)).extracting(InjectorShares.Share::injector,
          s -> new StageNode(s.test(), SequenceMode.valueOf(s.mode()), s.node()).requestName(),
          InjectorShares.Share::planned, InjectorShares.Share::plannedNode).containsExactly(
          tuple(1, "tiny ORDER node 1", 60L, 120L), tuple(2, "tiny ORDER node 1", 60L, 120L),
          tuple(1, "tiny ORDER node 2", 40L, 80L), tuple(2, "tiny ORDER node 2", 40L, 80L),
          tuple(1, "tiny NOORDER node 1", 60L, 120L), tuple(2, "tiny NOORDER node 1", 60L, 120L),
          tuple(1, "tiny NOORDER node 2", 40L, 80L), tuple(2, "tiny NOORDER node 2", 40L, 80L));
    }
  }

  @Test
  void noRowOfTheSecondStageIsOlderThanTheLastRowOfTheFirstByTheDatabaseClock() throws Exception {
    try (Connection c = EmbeddedDb.connect(pg); PreparedStatement ps = c.prepareStatement(
        "SELECT (SELECT max(sql_date) FROM job_execution WHERE run_id = ? AND seq_mode = 'ORDER'), "
            + "(SELECT min(sql_date) FROM job_execution WHERE run_id = ? AND seq_mode = 'NOORDER'), "
            + "(SELECT count(*) FROM sequela_stage WHERE run_id = ? AND state = 'OPEN' AND injector = 1), "
            + "(SELECT count(*) FROM sequela_stage WHERE run_id = ? AND state = 'DONE')")) {
      for (int i = 1; i <= 4; i++) {
        ps.setString(i, RUN_ID);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getTimestamp(2)).isAfter(rs.getTimestamp(1));
        assertThat(rs.getInt(3)).as("stages opened by injector 1").isEqualTo(2);
        assertThat(rs.getInt(4)).as("each injector finished each stage").isEqualTo(4);
      }
    }
  }

  @Test
  void theMergedReportCountsEveryRequestOnceAndReconciles() throws Exception {
    Path folder = merged.folder();
    assertThat(folder).isEqualTo(dir.resolve("seqordersimulation-merged-" + RUN_ID));
    assertThat(folder.resolve(FOLDERS.get(0).getFileName() + ".log")).exists();
    assertThat(folder.resolve(FOLDERS.get(1).getFileName() + ".log")).exists();
    assertThat(folder.resolve("index.html")).exists();
    JsonNode stats = new ObjectMapper().readTree(folder.resolve("js/global_stats.json").toFile());
    assertThat(stats.get("numberOfRequests").get("total").asLong()).isEqualTo(400);
    assertThat(merged.gatlingStatus()).isZero();

    assertThat(merged.reconciliation().reconciles()).as(mergeOutput).isTrue();
    assertThat(merged.reconciliation().lines()).extracting(Reconciliation.Line::planned).containsExactly(120L, 80L, 120L, 80L);
    assertThat(mergeOutput).contains("2 injectors: reconciliation", "reconciliation: OK = rows on every node");

    JsonNode gaps = new ObjectMapper().readTree(folder.resolve("sequence-gaps.json").toFile());
    assertThat(gaps.get("injectors").asInt()).isEqualTo(2);
    assertThat(gaps.get("time_basis").asText()).isEqualTo("SQL_DATE");
    JsonNode modes = gaps.get("tests").get(0).get("modes");
    assertThat(modes.get("ORDER").get("rows").asLong()).isEqualTo(200);
    assertThat(modes.get("NOORDER").get("rows").asLong()).isEqualTo(200);
    assertThat(Files.readString(folder.resolve("index.html"))).contains("href=\"sequence-gaps.html\"");
  }

  @Test
  void aFolderOfLogsAsTheGatlingOperatorsReporterHasThemMergesAlike() throws Exception {
    Path downloaded = Files.createDirectories(dir.resolve("operator"));
    Files.copy(FOLDERS.get(0).resolve("simulation.log"), downloaded.resolve("runner-x7k2p.log"));
    Files.copy(FOLDERS.get(1).resolve("simulation.log"), downloaded.resolve("runner-q9d4m.log"));
    SeqOrderMerge.Result again = SeqOrderMerge.run(new SeqOrderMerge.Request(RUN_ID, List.of(downloaded), dir.resolve("operator-out"), pg,
        () -> System.getProperty("java.class.path")), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(again.reconciles()).isTrue();
    assertThat(again.injectors()).isEqualTo(2);
    assertThat(again.folder().resolve("runner-x7k2p.log")).exists();
    JsonNode stats = new ObjectMapper().readTree(again.folder().resolve("js/global_stats.json").toFile());
    assertThat(stats.get("numberOfRequests").get("total").asLong()).isEqualTo(400);
  }

  @Test
  void aLoneInjectorOfTwoFailsWithOneLineNamingTheMissingOne() throws Exception {
    String runId = "lone-" + System.nanoTime();
    Injector lone = start(runId, 1, 2, dir.resolve("lone"), "-Dsequela.injector-timeout=2s");
    assertThat(await(lone)).isEqualTo(ExitCodes.INJECTOR_MISSING);
    String console = Files.readString(lone.console());
    assertThat(console).contains("sequela: injector 2 of 2 did not start within 2 s (run " + runId + ")")
        .doesNotContain("\tat ").doesNotContain("Exception");
  }
}

package io.sequela.injectors;

import io.sequela.record.RequestRecords;
import io.sequela.config.BaselineSpec;
import io.sequela.config.Limits;
import io.sequela.config.NightlySettings;
import io.sequela.config.PlanLoader;
import io.sequela.seqorder.SeqOrderMerge;
import io.sequela.run.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.config.SequenceMode;
import io.sequela.config.StageNode;
import io.sequela.db.Target;
import io.sequela.gaps.Reconciliation;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.testing.EmbeddedDb;
import io.sequela.testing.ForkedGatling;
import io.sequela.testing.Slow;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two injectors of one run, each its own JVM (Gatling's launcher, as Maven forks it) on the embedded PostgreSQL
 * of this JVM reached by URL, then the merge: the barrier kept the stages in step (by SQL_DATE), the merged
 * report counts every request once and reconciles. A lone injector of two fails with one line naming the other.
 */
@Slow
class SeveralInjectorsEndToEndTest {

  @TempDir static Path dir;
  private static Target pg;
  private static final String RUN_ID = "e2e-" + System.nanoTime();
  private static final List<Path> FOLDERS = new ArrayList<>();
  private static SeqOrderMerge.Result merged;
  private static String mergeOutput;
  /**
   * The design the injectors run (their -Dsequela.plan-defaults), which the merge is given too: one block per mode, no
   * warm-up, seed 2 (order AB: ORDER, then NOORDER); the injectors' mechanics, not the design, are under test here (the
   * merge's block-level verdict with intervals: MergedVerdictTest).
   */
  private static final Config DESIGN = ConfigFactory.parseString("warmup = 0, blocks = 1, order_seed = 2");

  /** One injector: Gatling's launcher in a JVM of its own, as Maven forks it. */
  private static ForkedGatling start(String runId, int injector, int injectors, Path results, String... properties) throws IOException {
    List<String> props = new ArrayList<>(List.of("-Dsequela.plan=plans/tiny.json", "-Dsequela.history.dir=" + dir.resolve("history"),
        "-Dsequela.target=" + pg.jdbcUrl(), "-Dsequela.target-user=" + pg.user(),
        "-Dsequela.injector=" + injector + "/" + injectors, "-Dsequela.run-id=" + runId,
        "-Dsequela.embedded.dir=" + dir.resolve("unused-pg")));
    DESIGN.entrySet().forEach(e -> props.add("-Dsequela.plan-defaults." + e.getKey() + "=" + e.getValue().unwrapped()));
    props.addAll(List.of(properties));
    Files.createDirectories(results);
    // each injector keeps its own Gatling report (Gatling 3.12 and later cannot merge them); the merge links them
    return ForkedGatling.start("SeqOrderSimulation", results, props);
  }

  private static int await(ForkedGatling injector) throws Exception {
    int exit = injector.waitFor(180);
    assertThat(exit).as("injector finished within 180 s: " + injector.output()).isNotEqualTo(-1);
    return exit;
  }

  @BeforeAll
  static void runTwoInjectorsAndMerge() throws Exception {
    pg = EmbeddedDb.withJobExecutionSchema();
    List<ForkedGatling> injectors = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      injectors.add(start(RUN_ID, i, 2, dir.resolve("injector-" + i)));
    }
    for (int i = 1; i <= 2; i++) {
      ForkedGatling inj = injectors.get(i - 1);
      assertThat(await(inj)).as(inj.output()).isZero();
      try (Stream<Path> f = Files.list(dir.resolve("injector-" + i))) {
        FOLDERS.add(f.filter(p -> p.getFileName().toString().startsWith("seqordersimulation-injector-")).findFirst().orElseThrow());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    merged = SeqOrderMerge.run(request(List.of(FOLDERS.get(1), FOLDERS.get(0)), dir),
        new PrintStream(out, true, StandardCharsets.UTF_8));
    mergeOutput = out.toString(StandardCharsets.UTF_8);
  }

  private static SeqOrderMerge.Request request(List<Path> folders, Path out) {
    return new SeqOrderMerge.Request(RUN_ID, folders, out, pg, PlanLoader.load("plans/tiny.json", DESIGN.withFallback(
        ConfigFactory.defaultReference().getConfig("sequela.plan-defaults")).root()),
        new NightlySettings(dir.resolve("history"), BaselineSpec.parse("median:5"), Limits.NONE, "plans/tiny.json", ""));
  }

  @Test
  void eachInjectorLeavesItsNumberedFolderAndRecordsItsHalfOfTheUsers() throws Exception {
    for (int i = 1; i <= 2; i++) {
      Path folder = FOLDERS.get(i - 1);
      assertThat(folder.getFileName().toString()).matches("seqordersimulation-injector-" + i + "-\\d{17}");
      assertThat(RequestRecords.in(folder).outcomesByRequest().values().stream().mapToLong(RequestRecords.Outcomes::ok).sum()).isEqualTo(200);
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
    String index = Files.readString(folder.resolve("index.html"));
    assertThat(index).contains("href=\"sequence-gaps.html\"");
    for (Path injector : FOLDERS) {
      assertThat(injector.resolve("index.html")).exists();
      assertThat(index).contains("../injector-" + (FOLDERS.indexOf(injector) + 1) + "/" + injector.getFileName() + "/index.html");
    }
    assertThat(merged.exitCode()).as(mergeOutput).isZero();

    assertThat(merged.reconciliation().reconciles()).as(mergeOutput).isTrue();
    assertThat(merged.reconciliation().lines()).extracting(Reconciliation.Line::planned).containsExactly(120L, 80L, 120L, 80L);
    assertThat(merged.reconciliation().lines()).extracting(Reconciliation.Line::ok).containsExactly(120L, 80L, 120L, 80L);
    assertThat(mergeOutput).contains("2 injectors: reconciliation", "reconciliation: OK = rows on every node");
    // the design's verdict from the blocks, as a single run gives it: one pair here, too few for an interval
    assertThat(mergeOutput).contains("tiny: ORDER vs NOORDER: too few blocks for an interval: 1 pair, need 3",
        "tiny: design ").doesNotContain("no block-level verdict");

    JsonNode gaps = new ObjectMapper().readTree(folder.resolve("sequence-gaps.json").toFile());
    assertThat(gaps.get("injectors").asInt()).isEqualTo(2);
    assertThat(gaps.get("time_basis").asText()).isEqualTo("SQL_DATE");
    assertThat(gaps.toString()).contains("\"latency_source\":\"worker\"");
    assertThat(gaps.get("tests").get(0).get("design").get("blocks")).hasSize(2);
    JsonNode modes = gaps.get("tests").get(0).get("modes");
    assertThat(modes.get("ORDER").get("rows").asLong()).isEqualTo(200);
    assertThat(modes.get("NOORDER").get("rows").asLong()).isEqualTo(200);
    assertThat(folder.resolve("latency.hlog")).exists();
    assertThat(folder.resolve("sequela-assertions.xml")).exists();
    try (Stream<Path> rows = Files.walk(dir.resolve("history"))) {
      List<Path> csv = rows.filter(p -> p.toString().endsWith(".csv")).toList();
      assertThat(csv).hasSize(1);
      assertThat(Files.readAllLines(csv.get(0)).stream().filter(l -> l.contains(RUN_ID))).hasSize(1);
    }
  }

  @Test
  void aFolderWithoutARunRecordIsOneLine() throws Exception {
    Path bare = Files.createDirectories(dir.resolve("bare"));
    assertThatThrownBy(() -> SeqOrderMerge.run(request(List.of(bare), dir.resolve("bare-out")),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        .isInstanceOf(io.sequela.SequelaException.InvalidInput.class).hasMessageContaining("sequela-requests.rec");
  }

  @Test
  void aLoneInjectorOfTwoFailsWithOneLineNamingTheMissingOne() throws Exception {
    String runId = "lone-" + System.nanoTime();
    ForkedGatling lone = start(runId, 1, 2, dir.resolve("lone"), "-Dsequela.injector-timeout=2s");
    assertThat(await(lone)).isEqualTo(ExitCodes.INJECTOR_MISSING);
    String console = lone.output();
    assertThat(console).contains("sequela: injector 2 of 2 did not start within 2 s (run " + runId + ")")
        .doesNotContain("\tat ").doesNotContain("Exception");
  }
}

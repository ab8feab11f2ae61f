package io.sequela.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.assertions.Check;
import io.sequela.assertions.JunitXml;
import io.sequela.config.Limit;
import io.sequela.config.Limits;
import io.sequela.config.NightlySettings;
import io.sequela.config.BaselineSpec;
import io.sequela.history.Direction;
import io.sequela.history.HistoryStore;
import io.sequela.history.Metric;
import io.sequela.history.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NightlyTest {

  @TempDir Path dir;

  private NightlyOutcome run(Path history, String runId, double p99, Check extra) throws Exception {
    NightlySettings s = new NightlySettings(history, BaselineSpec.DEFAULT, Limits.NONE, "plans/default.json", "x");
    List<Check> checks = new ArrayList<>();
    if (extra != null) {
      checks.add(extra);
    }
    TestResult t = new TestResult("t", new Limits(Map.of(Limit.REGRESSION_PCT_MAX, 20.0)),
        List.of(new Metric("order_node1_p99_us", "t ORDER node 1", "p99_us", Direction.LOWER_IS_BETTER, p99),
            new Metric("order_node1_ko", "t ORDER node 1", "ko", Direction.NONE, 0.0)), checks, false);
    Path folder = Files.createDirectories(dir.resolve("run-" + runId));
    return Nightly.finish(s, new RunIdentity("SeqOrderSimulation", runId, "default.json", "hash", "postgresql embedded", "16",
        "abc", "design=1; blocks=4"), List.of(t), folder, n -> notes.add(n));
  }

  private final List<String> notes = new ArrayList<>();

  @Test
  void aRegressionAgainstEarlierRunsFailsTheRunAndEveryRunIsInTheHistory() throws Exception {
    Path history = dir.resolve("history");
    NightlyOutcome first = run(history, "r0", 1000, null);
    assertThat(first.exitCode()).isZero();
    assertThat(first.checks().checks()).singleElement().satisfies(c -> {
      assertThat(c.status()).isEqualTo(Check.Status.SKIPPED);
      assertThat(c.message()).contains("too few runs: 0 passed run(s)");
    });
    run(history, "r1", 1010, null);
    run(history, "r2", 990, null);
    NightlyOutcome wobble = run(history, "r3", 1040, null);
    assertThat(wobble.exitCode()).isZero();
    NightlyOutcome slow = run(history, "r4", 2000, null);
    assertThat(slow.exitCode()).isEqualTo(NightlyOutcome.CHECK_FAILED);
    assertThat(slow.status()).isEqualTo(RunRecord.FAILED);
    assertThat(slow.closingLines()).contains("sequela: FAILED t ORDER node 1: p99_us within 20 % of the baseline: "
        + "p99_us 2000 against the baseline 1005 (median of the last 4 passed runs): 99.0 % worse, outside its noise band 990..1040");
    String xml = Files.readString(dir.resolve("run-r4").resolve(JunitXml.FILE));
    assertThat(xml).contains("<testsuite name=\"SeqOrderSimulation\" tests=\"1\" failures=\"1\"")
        .contains("name=\"t ORDER node 1: p99_us within 20 % of the baseline\"").contains("<failure message=\"p99_us 2000 against");
    List<RunRecord> rows = HistoryStore.read(history.resolve("SeqOrderSimulation").resolve("t.csv"));
    assertThat(rows).extracting(RunRecord::runId).containsExactly("r0", "r1", "r2", "r3", "r4");
    assertThat(rows).extracting(RunRecord::status).containsExactly("passed", "passed", "passed", "passed", "failed");
    // the failed run is no baseline: the next run is compared with r0..r3 again
    assertThat(run(history, "r5", 1000, null).exitCode()).isZero();
    assertThat(slow.trends().get(0).runs()).extracting(RunRecord::runId).containsExactly("r0", "r1", "r2", "r3", "r4");
  }

  @Test
  void aHistoryCutShortMidRowLosesNoLaterRunAndNamesTheBrokenRow() throws Exception {
    Path history = dir.resolve("history");
    run(history, "r0", 1000, null);
    run(history, "r1", 1010, null);
    Path file = history.resolve("SeqOrderSimulation").resolve("t.csv");
    // the run after r1 died mid-append: half a row, no newline
    Files.writeString(file, "2026-11-22T01:00:00Z,rX,pass", java.nio.file.StandardOpenOption.APPEND);
    run(history, "r2", 990, null);
    String broken = "history: " + file + ":4: row not read (3 cells, the header has 11); not in the baseline or the trends";
    assertThat(notes).containsExactly(broken);
    notes.clear();
    NightlyOutcome next = run(history, "r3", 1000, null);
    // r2's row is whole and counts: three passed runs make a baseline (two would be too few)
    assertThat(next.checks().checks()).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(Check.Status.PASSED));
    assertThat(next.trends().get(0).runs()).extracting(RunRecord::runId).containsExactly("r0", "r1", "r2", "r3");
    assertThat(notes).containsExactly(broken);
  }

  @Test
  void aHistoryFolderThatCannotBeWrittenIsOneNoteAndTheRunsResultsStand() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("history"), "a file");
    NightlyOutcome o = run(notAFolder, "r0", 1000, Check.failed("t ORDER", "ko <= 0", "ko 3 > 0"));
    assertThat(notes).isNotEmpty().allSatisfy(n -> assertThat(n).startsWith("history: cannot"));
    assertThat(o.exitCode()).isEqualTo(NightlyOutcome.CHECK_FAILED);
    assertThat(Files.readString(dir.resolve("run-r0").resolve(JunitXml.FILE))).contains("<failure message=\"ko 3 &gt; 0\"");
  }
}

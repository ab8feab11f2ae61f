package io.sequela.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.assertions.Check;
import io.sequela.assertions.JunitXml;
import io.sequela.config.BaselineSpec;
import io.sequela.config.Limit;
import io.sequela.config.Limits;
import io.sequela.config.NightlySettings;
import io.sequela.config.Pacing;
import io.sequela.config.ScenarioSpec;
import io.sequela.config.SequenceMode;
import io.sequela.config.TargetSpec;
import io.sequela.config.TestSpec;
import io.sequela.gaps.Latencies;
import io.sequela.gaps.Reconciliation;
import io.sequela.history.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose database went away before its rows were counted and analysed: what it could not measure goes to
 * the checks, the JUnit file and the history as not measured ({@code nan}), never as -1 or 0.
 */
class NotMeasuredTest {

  @TempDir Path dir;

  @Test
  void figuresOfAGoneDatabaseAreNanInTheChecksTheJunitFileAndTheHistory() throws Exception {
    Limits limits = new Limits(Map.of(Limit.KO_MAX, 0.0, Limit.DUPLICATES_MAX, 0.0, Limit.ORDER_INVERSIONS_MAX, 0.0));
    TestSpec test = new TestSpec("t", "", List.of(new ScenarioSpec(1, 10, Duration.ZERO, 1,
        TargetSpec.parse("embedded", null, null))), List.of(SequenceMode.ORDER), 100, Pacing.DELAY, limits);
    // OK and KO known from the run's own record, the rows not counted, no gap analysis
    Reconciliation rec = new Reconciliation(List.of(new Reconciliation.Line("t", "ORDER", 1, 10, 7, 3,
        Reconciliation.UNKNOWN_ROWS)), "the database went away");
    TestResult r = SeqOrderNightly.of(test, rec, Optional.empty(), new InsertLatencyUs(Latencies.none()));

    assertThat(r.metrics()).filteredOn(m -> List.of("rows", "inversions", "gaps", "missing", "duplicates").contains(m.figure()))
        .hasSize(5).allSatisfy(m -> assertThat(m.value()).as(m.column()).isNull());
    assertThat(r.metrics()).filteredOn(m -> m.figure().equals("ko")).extracting(Metric::value).containsExactly(3.0);
    assertThat(r.checks()).filteredOn(c -> c.rule().startsWith("duplicates") || c.rule().startsWith("inversions"))
        .hasSize(2).allSatisfy(c -> assertThat(c.status()).isEqualTo(Check.Status.SKIPPED));
    assertThat(r.checks()).filteredOn(c -> c.rule().equals("OK = rows")).singleElement()
        .satisfies(c -> assertThat(c.message()).isEqualTo("rows not counted (the database could not be reached): OK 7, KO 3, "
            + "planned 10"));

    Path history = dir.resolve("history");
    Nightly.finish(new NightlySettings(history, BaselineSpec.DEFAULT, Limits.NONE, "plans/default.json", "x"),
        new RunIdentity("SeqOrderSimulation", "r0", "default.json", "hash", "postgresql embedded", "16", "abc", "design=1"), List.of(r),
        Files.createDirectories(dir.resolve("run")), n -> { });
    List<String> csv = Files.readAllLines(history.resolve("SeqOrderSimulation").resolve("t.csv"));
    List<String> header = List.of(csv.get(0).split(","));
    List<String> row = List.of(csv.get(1).split(",", -1));
    for (String column : List.of("order_node1_rows", "order_inversions", "order_gaps", "order_missing", "order_duplicates")) {
      assertThat(row.get(header.indexOf(column))).as(column).isEqualTo("nan");
    }
    assertThat(row.get(header.indexOf("order_node1_ko"))).isEqualTo("3");
    String xml = Files.readString(dir.resolve("run").resolve(JunitXml.FILE));
    assertThat(xml).doesNotContain("-1").doesNotContain("duplicates 0").contains("rows not counted");
  }
}

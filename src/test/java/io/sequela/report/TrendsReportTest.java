package io.sequela.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.history.Baseline;
import io.sequela.history.Direction;
import io.sequela.history.Metric;
import io.sequela.history.RunRecord;
import io.sequela.history.TestTrend;
import io.sequela.history.Verdict;
import io.sequela.stats.NoiseBand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendsReportTest {

  @TempDir Path dir;

  private static RunRecord run(int i, double p99) {
    return new RunRecord(Instant.ofEpochSecond(1_800_000_000L + i * 86_400L), "run-" + i, RunRecord.PASSED, "p.json", "h",
        "postgresql embedded", "16.10", "0123456789abcdef", "design=1; blocks=4", Map.of("order_node1_p99_us", p99));
  }

  @Test
  void thePageListsTheRunsMarksTheRegressionAndIsLinkedFromEveryPage() throws Exception {
    Path folder = ReportFixture.copyTo(dir.resolve("run"));
    List<RunRecord> earlier = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      earlier.add(run(i, 1000 + i % 3));
    }
    RunRecord current = run(40, 2000);
    Metric m = new Metric("order_node1_p99_us", "t ORDER node 1", "p99_us", Direction.LOWER_IS_BETTER, 2000.0);
    Verdict v = new Verdict(m, Verdict.Kind.REGRESSION, NoiseBand.of(new double[] {1000, 1001, 1002, 1000, 1001}), 99.9);
    TestTrend t = TestTrend.of("t", earlier, current, List.of(m), List.of(v), new Baseline(earlier.subList(35, 40),
        "median of the last 5 passed runs", null));
    Path page = TrendsReport.write(folder, "SeqOrderSimulation", "run-40", List.of(t));
    String html = Files.readString(page);
    assertThat(t.runs()).hasSize(TestTrend.MAX_RUNS);
    assertThat(html).contains("run-40 (this run)").contains("run-11").doesNotContain("run-10<")
        .contains("order_node1_p99_us (regression)").contains("class=\"current\"").contains("class=\"band\"")
        .contains("class=\"baseline\"").contains("median of the last 5 passed runs").contains(">regression</b>");
    for (Path p : ReportFolder.at(folder).htmlPages()) {
      assertThat(Files.readString(p)).as(p.toString()).contains("href=\"trends.html\"");
    }
  }
}

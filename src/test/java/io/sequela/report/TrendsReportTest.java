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
        .contains("ORDER p99 (µs), node 1 (regression)").contains("title=\"order_node1_p99_us\"").contains("class=\"current\"").contains("class=\"band\"")
        .contains("class=\"baseline\"").contains("median of the last 5 passed runs").contains(">regression</b>");
    for (Path p : ReportFolder.at(folder).htmlPages()) {
      assertThat(Files.readString(p)).as(p.toString()).contains("href=\"trends.html\"");
    }
  }

  private static RunRecord costRun(int i, String design, double cost, double low, double high) {
    return new RunRecord(Instant.ofEpochSecond(1_800_000_000L + i * 600L), "run-" + i, RunRecord.PASSED, "p.json", "h",
        "postgresql embedded", "16.10", "", design, Map.of("order_cost_us", cost, "order_cost_us_low", low,
            "order_cost_us_high", high, "order_node1_p99_us", 900.0, "order_gaps", 0.0));
  }

  @Test
  void theVerdictWithItsIntervalHeadsThePageRunsOfOneDayAreToldApartAndTheRestIsFolded() {
    List<RunRecord> earlier = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      earlier.add(costRun(i, i == 0 ? "design=0" : "design=1", 10 + i, 8 + i, 12 + i));
    }
    RunRecord current = costRun(5, "design=1", 30, 25, 35);
    Metric cost = new Metric("order_cost_us", "t", "order_cost_us", Direction.LOWER_IS_BETTER, 30.0);
    Metric low = new Metric("order_cost_us_low", "t", "order_cost_us_low", Direction.NONE, 25.0);
    Metric high = new Metric("order_cost_us_high", "t", "order_cost_us_high", Direction.NONE, 35.0);
    Metric p99 = new Metric("order_node1_p99_us", "t ORDER node 1", "p99_us", Direction.LOWER_IS_BETTER, 900.0);
    Metric gaps = new Metric("order_gaps", "t ORDER", "gaps", Direction.NONE, 0.0);
    Verdict v = new Verdict(cost, Verdict.Kind.REGRESSION, NoiseBand.of(new double[] {11, 12, 13, 14}), 150.0);
    TestTrend t = TestTrend.of("t", earlier, current, List.of(cost, low, high, p99, gaps), List.of(v),
        new Baseline(earlier.subList(1, 5), "median of the last 4 passed runs", null), 20.0);
    org.jsoup.nodes.Element b = TrendsReport.body("SeqOrderSimulation", "run-5", List.of(t));
    String html = b.outerHtml();
    assertThat(b.selectFirst(".headline").text()).startsWith("t: ORDER cost per insert (µs) 30 [25 .. 35]");
    org.jsoup.nodes.Element top = b.selectFirst("svg.sequela-trend");
    assertThat(top.text()).contains("ORDER cost per insert (µs)").contains("#1 ").contains("#6 ");
    assertThat(top.select("line.interval")).hasSize(6);
    assertThat(top.select("line.threshold")).hasSize(1);
    assertThat(top.select("circle.other-design")).hasSize(1);
    assertThat(b.select("details svg").text()).contains("gaps").doesNotContain("ORDER cost per insert");
    assertThat(b.selectFirst("details").previousElementSiblings().select("svg").text()).contains("ORDER p99 (µs), node 1");
    assertThat(html).contains("sequela compare run-4 run-5").contains("(other design)");
  }

  @Test
  void theHistoryConventionForIntervalColumnsTakesBothSpellings() {
    assertThat(TestTrend.intervalColumns("order_cost_us", List.of("order_cost_us", "order_cost_ci_low_us", "order_cost_ci_high_us")))
        .contains(new TestTrend.IntervalColumns("order_cost_ci_low_us", "order_cost_ci_high_us"));
    assertThat(TestTrend.intervalColumns("uuid4_inserts_per_s", List.of("uuid4_inserts_per_s_low", "uuid4_inserts_per_s_high")))
        .contains(new TestTrend.IntervalColumns("uuid4_inserts_per_s_low", "uuid4_inserts_per_s_high"));
    assertThat(TestTrend.intervalColumns("median_ms", List.of("median_ms", "median_ms_low"))).isEmpty();
  }

  @Test
  void aFigureNoRunMeasuredIsALineNotAnEmptyChart() {
    RunRecord r = new RunRecord(Instant.ofEpochSecond(1_800_000_000L), "run-1", RunRecord.PASSED, "p", "h", "x", "", "", "",
        java.util.Collections.singletonMap("order_cost_us", null));
    Metric cost = new Metric("order_cost_us", "t", "order_cost_us", Direction.LOWER_IS_BETTER, null);
    TestTrend t = TestTrend.of("t", List.of(), r, List.of(cost), List.of(), new Baseline(List.of(), "none", "too few runs"));
    org.jsoup.nodes.Element b = TrendsReport.body("SeqOrderSimulation", "run-1", List.of(t));
    assertThat(b.select("svg")).isEmpty();
    assertThat(b.select("p.no-data").text()).contains("ORDER cost per insert (µs): not measured");
  }
}

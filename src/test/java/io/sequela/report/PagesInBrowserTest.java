package io.sequela.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.history.Baseline;
import io.sequela.history.Direction;
import io.sequela.history.Metric;
import io.sequela.history.RunRecord;
import io.sequela.history.TestTrend;
import io.sequela.history.Verdict;
import io.sequela.stats.NoiseBand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages as a reader sees them: rendered by a real headless browser (Debian's chromium, installed by
 * scripts/chromium-install.sh when missing and root), checked on the rendered DOM for the headline and for charts that
 * draw something, and saved as a screenshot. Skipped, saying why, where chromium cannot run.
 */
@Tag("slow")
class PagesInBrowserTest {

  private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

  private static String chromium;

  @TempDir Path dir;

  @BeforeAll
  static void findChromium() throws Exception {
    chromium = onPath("chromium");
    if (chromium == null) {
      Process p = new ProcessBuilder("bash", "scripts/chromium-install.sh").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      assumeTrue(p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0, "chromium cannot run here: " + out);
      chromium = onPath("chromium");
    }
    assumeTrue(chromium != null, "chromium cannot run here: not on PATH after scripts/chromium-install.sh");
  }

  private static String onPath(String name) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path p = Path.of(d, name);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }

  /** The page as chromium renders it; the screenshot beside it. */
  private Document render(Path page) throws Exception {
    Path profile = Files.createTempDirectory(dir, "chromium-profile");
    List<String> cmd = new ArrayList<>(List.of(chromium));
    cmd.addAll(FLAGS);
    cmd.add("--user-data-dir=" + profile);
    List<String> dom = new ArrayList<>(cmd);
    dom.addAll(List.of("--dump-dom", page.toUri().toString()));
    String html = run(dom, page.resolveSibling(page.getFileName() + ".dom.log"));
    List<String> shot = new ArrayList<>(cmd);
    Path png = page.resolveSibling(page.getFileName() + ".png");
    shot.addAll(List.of("--window-size=1280,2000", "--screenshot=" + png, page.toUri().toString()));
    run(shot, page.resolveSibling(page.getFileName() + ".shot.log"));
    assertThat(png).as("the screenshot").isNotEmptyFile();
    return Jsoup.parse(html);
  }

  private static String run(List<String> cmd, Path log) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean done = p.waitFor(90, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    assumeTrue(done && p.exitValue() == 0, "chromium cannot run here: exit " + (done ? p.exitValue() : "timeout") + ", "
        + tail(log));
    return out;
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
  }

  /** Every chart draws marks: points, bars of some height or a line with points. */
  private static void noEmptyChart(Document d) {
    assertThat(d.select(".sequela-page svg")).as("charts").isNotEmpty();
    for (Element svg : d.select(".sequela-page svg")) {
      boolean marks = !svg.select("circle").isEmpty() || !svg.select("polyline[points~=\\d]").isEmpty()
          || svg.select("rect").stream().anyMatch(r -> !r.attr("height").isEmpty() && Double.parseDouble(r.attr("height")) > 0
              && !r.hasClass("band"));
      assertThat(marks).as("a chart with data marks: " + svg.text()).isTrue();
    }
  }

  private static RunRecord run(int i, String design, double cost) {
    return new RunRecord(Instant.parse("2026-12-05T08:00:00Z").plusSeconds(i * 420L), "run-" + i, RunRecord.PASSED, "p.json",
        "h", "postgresql embedded", "16.10", "", design, Map.of("order_cost_us", cost, "order_cost_ci_low_us", cost - 20,
            "order_cost_ci_high_us", cost + 25, "order_node1_p99_us", 900.0 + i, "order_node1_ko", 0.0, "order_gaps", 0.0));
  }

  @Test
  void theTrendPageOpensWithTheVerdictTrendAndDrawsNoEmptyChart() throws Exception {
    Path folder = ReportFixture.copyTo(dir.resolve("run"));
    List<RunRecord> earlier = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      earlier.add(run(i, "d", 100 + 5 * i));
    }
    RunRecord current = run(5, "d", 180);
    List<Metric> metrics = List.of(new Metric("order_cost_us", "t", "order_cost_us", Direction.LOWER_IS_BETTER, 180.0),
        new Metric("order_cost_ci_low_us", "t", "order_cost_ci_low_us", Direction.NONE, 160.0),
        new Metric("order_cost_ci_high_us", "t", "order_cost_ci_high_us", Direction.NONE, 205.0),
        new Metric("order_node1_p99_us", "t ORDER node 1", "p99_us", Direction.LOWER_IS_BETTER, 905.0),
        new Metric("order_node1_ko", "t ORDER node 1", "ko", Direction.NONE, 0.0),
        new Metric("order_gaps", "t ORDER", "gaps", Direction.NONE, 0.0));
    Verdict v = new Verdict(metrics.get(0), Verdict.Kind.REGRESSION, NoiseBand.of(new double[] {100, 105, 110, 115, 120}), 64.0);
    TestTrend t = TestTrend.of("t", earlier, current, metrics, List.of(v), new Baseline(earlier, "median of the last 5 passed runs",
        null), 20.0);
    Document d = render(TrendsReport.write(folder, "SeqOrderSimulation", "run-5", List.of(t)));
    assertThat(d.selectFirst(".headline").text()).startsWith("t: ORDER cost per insert (µs) 180 [160 .. 205]");
    assertThat(d.select(".sequela-page svg").first().text()).contains("#1 08:00", "#6 08:35");
    noEmptyChart(d);
  }

  @Test
  void theComparePageShowsBothVerdictsAndTheDifference() throws Exception {
    ObjectMapper m = new ObjectMapper();
    RunResult a = RunResult.of(SequenceGapsReport.JSON, m.readTree(RunComparisonTest.gaps("a", 100, 80, 130, 900)),
        m.readTree(RunComparisonTest.stamp("a", "h", "d")));
    RunResult b = RunResult.of(SequenceGapsReport.JSON, m.readTree(RunComparisonTest.gaps("b", 160, 150, 170, 990)),
        m.readTree(RunComparisonTest.stamp("b", "h", "d")));
    Path folder = ReportFixture.copyTo(dir.resolve("run"));
    Document d = render(CompareReport.write(folder, RunComparison.of(a, b)).get(0));
    assertThat(d.selectFirst(".headline").text()).contains("difference +60 (95 % interval");
    assertThat(d.text()).contains("ORDER costs +100.0 us", "ORDER costs +160.0 us").doesNotContain("Warning");
    assertThat(d.select(".sequela-page svg")).isEmpty();
  }
}

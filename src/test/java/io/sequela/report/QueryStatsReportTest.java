package io.sequela.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.SequelaException;
import io.sequela.stats.QuerySample;
import io.sequela.stats.QueryStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** query-stats.json and query-stats.html written into a copy of a real Gatling 3.11.5 report. */
class QueryStatsReportTest {

  private static final List<QuerySample> SAMPLES = List.of(
      new QuerySample(1, "host_a", 0, 2_000_000, 60), new QuerySample(2, "host_b", 500_000, 4_000_000, 0));
  private static final QueryStats STATS =
      QueryStats.of(SAMPLES, Map.of(1, List.of("host_a"), 2, List.of("host_b"), 3, List.of()), "balanced-queries", 1);

  @TempDir
  Path tmp;

  @Test
  void jsonHasTheDocumentedFields() throws Exception {
    Path run = ReportFixture.copyTo(tmp.resolve("querybenchsimulation-1"));
    QueryStatsReport.write(run, STATS, SAMPLES);
    JsonNode j = new ObjectMapper().readTree(run.resolve("query-stats.json").toFile());
    assertThat(j.get("queries").asLong()).isEqualTo(2);
    assertThat(j.get("rows_returned").asLong()).isEqualTo(60);
    assertThat(j.get("total_ms").asDouble()).isEqualTo(6.0);
    assertThat(j.get("wall_ms").asDouble()).isEqualTo(4.5);
    assertThat(j.get("median_ms").asDouble()).isEqualTo(3.0);
    assertThat(j.get("assignment").asText()).isEqualTo("balanced-queries");
    assertThat(j.get("workers_requested").asInt()).isEqualTo(3);
    assertThat(j.get("workers_busy").asInt()).isEqualTo(2);
    assertThat(j.get("errors").asLong()).isEqualTo(1);
    // busiest 4 ms over the mean of 6 ms / 3 workers
    assertThat(j.get("imbalance").asDouble()).isEqualTo(2.0);
    for (String f : List.of("min_ms", "avg_ms", "max_ms", "p95_ms", "p99_ms")) {
      assertThat(j.has(f)).as(f).isTrue();
    }
    JsonNode w3 = j.get("workers").get(2);
    assertThat(w3.get("worker").asInt()).isEqualTo(3);
    assertThat(w3.get("queries").asLong()).isZero();
    assertThat(w3.get("busy_ms").asDouble()).isZero();
    assertThat(w3.get("hosts")).isEmpty();
  }

  @Test
  void pageAndConsoleShowFiguresWorkersAndIdleWorkers() throws Exception {
    Path run = ReportFixture.copyTo(tmp.resolve("querybenchsimulation-1"));
    QueryStatsReport.write(run, STATS, SAMPLES);
    String html = Files.readString(run.resolve("query-stats.html"));
    assertThat(html).contains("style/style.css", "<div class=\"item ouvert\"><a id=\"query_stats_html_link\"",
        "<td class=\"value\">median query time (ms)</td><td class=\"value\">3.000</td>", "<svg", "idle: no hosts",
        "host_b", "Query time over the run", "2 of 3 workers (balanced-queries assignment), 1 failed",
        "<td class=\"value\">imbalance (busiest / mean busy)</td><td class=\"value\">2.000</td>");
    String chart = html.substring(html.indexOf("Query time over the run"));
    assertThat(chart.split("<circle", -1)).as("one point per query").hasSize(3);
    String console = QueryStatsReport.consoleTable(STATS);
    assertThat(console).contains("2 queries, 60 rows returned", "total processing time (sum, ms)", "6.000",
        "(idle: no hosts)").containsPattern("assignment +balanced-queries").containsPattern("workers requested +3")
        .containsPattern("workers busy \\(with hosts\\) +2").containsPattern("errors \\(failed queries\\) +1")
        .containsPattern("imbalance \\(busiest / mean busy\\) +2.000");
  }

  @Test
  void everyGatlingPageGetsOneMenuLink() throws Exception {
    Path run = ReportFixture.copyTo(tmp.resolve("querybenchsimulation-1"));
    QueryStatsReport.write(run, STATS, SAMPLES);
    QueryStatsReport.write(run, STATS, SAMPLES);
    List<Path> pages = ReportFolder.at(run).htmlPages();
    assertThat(pages).hasSize(6);
    for (Path p : pages) {
      assertThat(Files.readString(p).split("href=\"query-stats.html\"", -1)).as(p.toString()).hasSize(2);
    }
  }

  @Test
  void aFolderWithoutGatlingsReportIsRefused() {
    assertThatThrownBy(() -> QueryStatsReport.write(tmp, STATS, SAMPLES))
        .isInstanceOf(SequelaException.InvalidInput.class).hasMessageContaining("no index.html");
  }
}

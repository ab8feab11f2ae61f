package io.sequela.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.analysis.QuerySample;
import io.sequela.analysis.QueryStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryStatsReportTest {

  private static final List<QuerySample> SAMPLES = List.of(
      new QuerySample(1, "host_a", 0, 2_000_000, 60), new QuerySample(2, "host_b", 500_000, 4_000_000, 0));
  private static final QueryStats STATS =
      QueryStats.of(SAMPLES, Map.of(1, List.of("host_a"), 2, List.of("host_b"), 3, List.of()));

  @Test
  void jsonHasTheDocumentedFields(@TempDir Path run) throws Exception {
    QueryStatsReport.write(run, STATS, SAMPLES);
    JsonNode j = new ObjectMapper().readTree(run.resolve("query-stats.json").toFile());
    assertThat(j.get("queries").asLong()).isEqualTo(2);
    assertThat(j.get("rows_returned").asLong()).isEqualTo(60);
    assertThat(j.get("total_ms").asDouble()).isEqualTo(6.0);
    assertThat(j.get("wall_ms").asDouble()).isEqualTo(4.5);
    assertThat(j.get("median_ms").asDouble()).isEqualTo(3.0);
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
  void pageAndConsoleShowFiguresWorkersAndIdleWorkers(@TempDir Path run) throws Exception {
    QueryStatsReport.write(run, STATS, SAMPLES);
    String html = Files.readString(run.resolve("query-stats.html"));
    assertThat(html).contains("style/style.css", "median query time (ms)</td><td>3.000", "<svg", "idle: no hosts", "host_b");
    assertThat(html.split("<circle", -1)).hasSize(3);
    String console = QueryStatsReport.consoleTable(STATS);
    assertThat(console).contains("2 queries, 60 rows returned", "total processing time (sum, ms)", "6.000",
        "(idle: no hosts)");
  }

  @Test
  void everyGatlingPageGetsOneMenuLink(@TempDir Path run) throws Exception {
    String menu = "<div class=\"item\"><a id=\"details_link\" href=\"req_x.html\">Details</a></div>";
    Files.writeString(run.resolve("index.html"), "<html>" + menu + "</html>");
    Files.writeString(run.resolve("req_x.html"), "<html>" + menu + "</html>");
    Files.createDirectories(run.getParent().resolve("other"));
    assertThat(InterimReportFolder.linkFromMenus(run, "query-stats.html", "Query statistics")).isEqualTo(2);
    assertThat(InterimReportFolder.linkFromMenus(run, "query-stats.html", "Query statistics")).isZero();
    assertThat(Files.readString(run.resolve("index.html")))
        .isEqualTo("<html>" + menu + "<div class=\"item\"><a href=\"query-stats.html\">Query statistics</a></div></html>");
  }

  @Test
  void newestRunFolderPicksTheLatestOfTheSimulation(@TempDir Path results) throws Exception {
    Files.createDirectories(results.resolve("querybenchsimulation-20261121120000000"));
    Files.createDirectories(results.resolve("querybenchsimulation-20261121130000000"));
    Files.createDirectories(results.resolve("seqordersimulation-20261121140000000"));
    assertThat(InterimReportFolder.newestRunFolder(results, "querybenchsimulation"))
        .contains(results.resolve("querybenchsimulation-20261121130000000"));
    assertThat(InterimReportFolder.newestRunFolder(results.resolve("none"), "querybenchsimulation")).isEmpty();
  }
}

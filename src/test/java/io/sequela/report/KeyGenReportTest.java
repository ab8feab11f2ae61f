package io.sequela.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sequela.db.Dialect;
import io.sequela.stats.StrategyFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyGenReportTest {

  private static final StrategyFigures SEQ = new StrategyFigures("seq", 4000, 2.0, 2000, 1L, 5L, 9L, 40L, 0, 0, 8192L, 155648L,
      850_000L, 0L, 7600L, Map.of("CPU", 4L), null);
  private static final StrategyFigures UUID4 = new StrategyFigures("uuid4", 3998, 4.0, 999.5, 2L, 9L, 30L, 90L, 2, 2, 8192L,
      300_000L, 3_400_000L, 120L, 7000L, waits("IO:DataFileRead", 30L, "CPU", 10L), null);
  private static final KeyGenReport REPORT = KeyGenReport.of("run-1", Dialect.POSTGRESQL, List.of(SEQ, UUID4));

  /** Two wait events in the given order (most frequent first, as the sampler reports them). */
  private static Map<String, Long> waits(String first, long n1, String second, long n2) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put(first, n1);
    m.put(second, n2);
    return m;
  }

  @Test
  void jsonHasTheIssuesFieldsPerStrategy() {
    JsonNode s = REPORT.json().get("strategies").get(1);
    assertThat(REPORT.json().get("run_id").asText()).isEqualTo("run-1");
    for (String f : List.of("name", "rows", "wall_s", "inserts_per_s", "p50_ms", "p95_ms", "p99_ms", "max_ms", "ko", "duplicates",
        "index_bytes_before", "index_bytes_after", "wal_bytes", "idx_blks_read", "idx_blks_hit", "wait_events")) {
      assertThat(s.has(f)).as(f).isTrue();
    }
    assertThat(s.get("duplicates").asLong()).isEqualTo(2);
    assertThat(s.get("wait_events").get("IO:DataFileRead").asLong()).isEqualTo(30);
  }

  @Test
  void h2ResultsCarryNoPostgresqlFigures() {
    JsonNode s = KeyGenReport.of("r", Dialect.H2, List.of(SEQ)).json().get("strategies").get(0);
    assertThat(s.has("wal_bytes")).isFalse();
    assertThat(s.has("wait_events")).isFalse();
  }

  @Test
  void jsonReadsBackToTheSameFigures(@TempDir Path dir) {
    REPORT.writeJson(dir);
    KeyGenReport back = KeyGenReport.readJson(dir.resolve(KeyGenReport.JSON));
    assertThat(back.strategies()).containsExactly(SEQ, UUID4);
    assertThat(back.strategies().get(1).waitEvents().keySet()).containsExactly("IO:DataFileRead", "CPU");
  }

  @Test
  void theTableMarksTheBestValuePerColumn() {
    String body = REPORT.pageBody();
    assertThat(body).contains("<td><b>2000</b></td>").contains("<td>1000</td>");
    assertThat(body).contains("<td><b>850000</b></td>").contains("<td>3400000</td>");
    assertThat(body).contains("IO:DataFileRead 75%");
    assertThat(REPORT.consoleTable().lines()).hasSize(3);
  }

  @Test
  void thePageIsLinkedFromEveryGatlingPageOnce(@TempDir Path dir) throws Exception {
    String gatlingPage = "<div class=\"item\"><a id=\"details_link\" href=\"req_x.html\">Details</a></div></div>";
    Files.writeString(dir.resolve("index.html"), gatlingPage);
    Files.writeString(dir.resolve("req_x.html"), gatlingPage);
    REPORT.writeJson(dir);
    KeyGenPage.writeFromJson(dir);
    KeyGenPage.writeFromJson(dir);
    for (String page : List.of("index.html", "req_x.html")) {
      String html = Files.readString(dir.resolve(page));
      assertThat(html.split("href=\"key-generation.html\"", -1)).as(page).hasSize(2);
    }
    assertThat(Files.readString(dir.resolve(KeyGenReport.PAGE))).contains("<td>uuid4</td>").contains("<svg");
  }
}

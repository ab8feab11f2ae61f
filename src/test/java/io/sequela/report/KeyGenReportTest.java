package io.sequela.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.db.Dialect;
import io.sequela.stats.StrategyFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  void theFileHoldsTheFiguresAsGivenInRecordOrder(@TempDir Path dir) throws Exception {
    StrategyFigures unmeasured = new StrategyFigures("uuid7", 0, 1.23456, 1000.0 / 3, null, null, null, null, 0, 0, null, null,
        null, null, null, Map.of(), "phase not measured");
    JsonNode root = new ObjectMapper().readTree(KeyGenReport.of("run-2", Dialect.POSTGRESQL, List.of(UUID4, unmeasured))
        .writeJson(dir).toFile());
    assertThat(root.fieldNames()).toIterable().containsExactly("run_id", "dialect", "strategies");
    JsonNode u4 = root.get("strategies").get(0);
    assertThat(u4.fieldNames()).toIterable().containsExactly("name", "rows", "wall_s", "inserts_per_s", "p50_ms", "p95_ms",
        "p99_ms", "max_ms", "ko", "duplicates", "index_bytes_before", "index_bytes_after", "wal_bytes", "idx_blks_read",
        "idx_blks_hit", "wait_events");
    assertThat(u4.get("inserts_per_s").asDouble()).isEqualTo(999.5);
    assertThat(u4.get("idx_blks_read").asLong()).isEqualTo(120);
    assertThat(u4.get("wait_events").fieldNames()).toIterable().containsExactly("IO:DataFileRead", "CPU");
    JsonNode u7 = root.get("strategies").get(1);
    assertThat(u7.get("wall_s").asDouble()).as("3 decimals").isEqualTo(1.235);
    assertThat(u7.get("inserts_per_s").asDouble()).isEqualTo(333.333);
    assertThat(u7.get("p50_ms").isNull()).as("written as null, not left out").isTrue();
    assertThat(u7.get("wal_bytes").isNull()).isTrue();
    assertThat(u7.get("wait_events")).isEmpty();
    assertThat(u7.get("note").asText()).isEqualTo("phase not measured");
  }

  @Test
  void oracleResultsCarryWaitEventsButNoServerCounters() {
    JsonNode s = KeyGenReport.of("r", Dialect.ORACLE, List.of(SEQ)).json().get("strategies").get(0);
    assertThat(s.has("wal_bytes") || s.has("idx_blks_read") || s.has("idx_blks_hit")).isFalse();
    assertThat(s.get("wait_events").get("CPU").asLong()).isEqualTo(4);
    assertThat(s.has("note")).as("no note given").isFalse();
  }

  @Test
  void theJsonKeysAreTheDocumentedKeys() throws Exception {
    StrategyFigures noted = new StrategyFigures("seq", 1, 1, 1, 1L, 1L, 1L, 1L, 0, 0, 1L, 1L, 1L, 1L, 1L, Map.of(), "a note");
    JsonNode root = KeyGenReport.of("r", Dialect.POSTGRESQL, List.of(noted)).json();
    Set<String> written = new TreeSet<>();
    root.fieldNames().forEachRemaining(written::add);
    root.get("strategies").get(0).fieldNames().forEachRemaining(written::add);
    assertThat(written).isEqualTo(documentedKeys());
  }

  /** The keys in the first cells of the table under "Figures (key-generation.json)" in docs/keygen.md. */
  private static Set<String> documentedKeys() throws Exception {
    String doc = Files.readString(Path.of("docs/keygen.md"));
    String section = doc.substring(doc.indexOf("### Figures (key-generation.json)"));
    section = section.substring(0, section.indexOf("\n### ", 1));
    Set<String> keys = new TreeSet<>();
    for (String line : section.lines().filter(l -> l.startsWith("| `")).toList()) {
      Matcher m = Pattern.compile("`([a-z0-9_]+)`").matcher(line.split("\\|")[1]);
      while (m.find()) {
        keys.add(m.group(1));
      }
    }
    assertThat(keys).as("documented keys").isNotEmpty();
    return keys;
  }

  @Test
  void theTableMarksTheBestValuePerColumn() {
    String body = REPORT.pageBody().outerHtml();
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
    KeyGenPage.write(dir, REPORT);
    KeyGenPage.write(dir, REPORT);
    for (String page : List.of("index.html", "req_x.html")) {
      String html = Files.readString(dir.resolve(page));
      assertThat(html.split("href=\"key-generation.html\"", -1)).as(page).hasSize(2);
    }
    assertThat(Files.readString(dir.resolve(KeyGenReport.PAGE))).contains("<td>uuid4</td>").contains("<svg");
  }
}

package io.sequela.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.sequela.config.KeyGenPlan;
import io.sequela.config.KeyGenPlanLoader;
import io.sequela.db.Dialect;
import io.sequela.stats.PhaseFigures;
import io.sequela.stats.RoundFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

  private static final KeyGenPlan PLAN = KeyGenPlanLoader.parse("plan.conf",
      ConfigFactory.parseString("users = 8, inserts_per_user = 500, preseed_rows = 200000").root(), null);

  /** One strategy in one round: {@code rate} inserts/s, {@code read} index blocks read, {@code waits} session samples of CPU. */
  private static PhaseFigures phase(long rowsBefore, double rate, long read, long waits) {
    return new PhaseFigures(rowsBefore, 4000, 4000, 4000 / rate, rate, 300L, 700L, 900L, 5000L, 0, 0, 8192L, 155648L, 850_000L * read,
        read, 7600L, waits, waits == 0 ? Map.of() : Map.of("CPU", waits), null);
  }

  private static RoundFigures round(int n, List<String> order, PhaseFigures seq, PhaseFigures uuid4) {
    Map<String, PhaseFigures> m = new LinkedHashMap<>();
    for (String s : order) {
      m.put(s, s.equals("seq") ? seq : uuid4);
    }
    return new RoundFigures(n, order, m);
  }

  /** seq clearly faster than uuid4 in every round; uuid4 sampled less than 100 times. */
  private static final List<RoundFigures> ROUNDS = List.of(
      round(1, List.of("seq", "uuid4"), phase(200_000, 8000, 3, 300), phase(200_000, 5000, 2000, 20)),
      round(2, List.of("uuid4", "seq"), phase(204_000, 9000, 4, 310), phase(204_000, 5500, 2100, 20)),
      round(3, List.of("seq", "uuid4"), phase(208_000, 8500, 2, 290), phase(208_000, 6000, 1900, 20)));
  private static final KeyGenReport REPORT = KeyGenReport.of("run-1", Dialect.POSTGRESQL, PLAN, Duration.ofMillis(10), ROUNDS);

  @Test
  void theJsonHasTheWarmupTheRoundsAndPerStrategyMediansWithTheirRange() {
    JsonNode root = REPORT.json();
    assertThat(root.get("warmup_inserts").asInt()).isEqualTo(500);
    assertThat(root.get("rounds")).hasSize(3);
    JsonNode r2 = root.get("rounds").get(1);
    assertThat(r2.get("round").asInt()).isEqualTo(2);
    assertThat(r2.get("order")).extracting(JsonNode::asText).containsExactly("uuid4", "seq");
    assertThat(r2.get("strategies").fieldNames()).toIterable().containsExactly("uuid4", "seq");
    assertThat(r2.get("strategies").get("seq").get("inserts_per_s").asDouble()).isEqualTo(9000);
    assertThat(r2.get("strategies").get("seq").get("rows_before").asLong()).isEqualTo(204_000);
    JsonNode seq = root.get("strategies").get(0);
    assertThat(seq.get("name").asText()).isEqualTo("seq");
    assertThat(seq.get("inserts_per_s").asDouble()).isEqualTo(8500);
    assertThat(seq.get("inserts_per_s_min").asDouble()).isEqualTo(8000);
    assertThat(seq.get("inserts_per_s_max").asDouble()).isEqualTo(9000);
    JsonNode uuid4 = root.get("strategies").get(1);
    assertThat(uuid4.get("idx_blks_read").asLong()).isEqualTo(2000);
    assertThat(uuid4.get("idx_blks_read_min").asLong()).isEqualTo(1900);
    assertThat(uuid4.get("wal_bytes_max").asLong()).isEqualTo(850_000L * 2100);
    assertThat(uuid4.get("p99_us").asLong()).isEqualTo(900);
    assertThat(uuid4.get("wait_samples").asLong()).isEqualTo(60);
    assertThat(root.get("ranking").get(0).get("name").asText()).isEqualTo("seq");
    assertThat(root.get("ranking").get(1).get("rank").asInt()).isEqualTo(2);
  }

  @Test
  void h2ResultsCarryNoPostgresqlFiguresInTheStrategiesOrTheRounds() {
    JsonNode root = KeyGenReport.of("r", Dialect.H2, PLAN, Duration.ofMillis(10), ROUNDS).json();
    for (JsonNode s : List.of(root.get("strategies").get(0), root.get("rounds").get(0).get("strategies").get("seq"))) {
      assertThat(s.has("wal_bytes") || s.has("wal_bytes_min") || s.has("idx_blks_read_max")).isFalse();
      assertThat(s.has("wait_events") || s.has("wait_samples")).isFalse();
      assertThat(s.has("p50_us")).isTrue();
    }
  }

  @Test
  void oracleResultsCarryWaitEventsButNoServerCounters() {
    JsonNode s = KeyGenReport.of("r", Dialect.ORACLE, PLAN, Duration.ofMillis(10), ROUNDS).json().get("strategies").get(0);
    assertThat(s.has("wal_bytes") || s.has("idx_blks_read") || s.has("idx_blks_hit")).isFalse();
    assertThat(s.get("wait_events").get("CPU").asLong()).isEqualTo(900);
    assertThat(s.has("note")).as("no note given").isFalse();
  }

  @Test
  void theFileHoldsTheFiguresInRecordOrderRoundedAndNullWhereUnmeasured(@TempDir Path dir) throws Exception {
    PhaseFigures unmeasured = new PhaseFigures(0, 0, 0, 1.23456, 1000.0 / 3, null, null, null, null, 0, 0, null, null, null, null,
        null, 0, Map.of(), "phase not measured");
    List<RoundFigures> rounds = List.of(round(1, List.of("seq", "uuid4"), phase(1, 8000, 3, 300), unmeasured));
    JsonNode root = new ObjectMapper().readTree(KeyGenReport.of("run-2", Dialect.POSTGRESQL, PLAN, Duration.ofMillis(10), rounds)
        .writeJson(dir).toFile());
    assertThat(root.fieldNames()).toIterable().containsExactly("run_id", "dialect", "users", "inserts_per_user", "commit",
        "preseed_rows", "warmup_inserts", "wait_sample_interval_ms", "strategies", "ranking", "rounds");
    JsonNode u4 = root.get("strategies").get(1);
    assertThat(u4.get("wall_s").asDouble()).as("3 decimals").isEqualTo(1.235);
    assertThat(u4.get("inserts_per_s").asDouble()).isEqualTo(333.333);
    assertThat(u4.get("p50_us").isNull()).as("written as null, not left out").isTrue();
    assertThat(u4.get("wal_bytes").isNull()).isTrue();
    assertThat(u4.get("note").asText()).isEqualTo("phase not measured");
    assertThat(root.get("strategies").get(0).has("note")).isFalse();
  }

  @Test
  void theJsonKeysAreTheDocumentedKeys() throws Exception {
    PhaseFigures noted = new PhaseFigures(1, 1, 1, 1, 1, 1L, 1L, 1L, 1L, 0, 0, 1L, 1L, 1L, 1L, 1L, 0, Map.of(), "a note");
    JsonNode root = KeyGenReport.of("r", Dialect.POSTGRESQL, PLAN, Duration.ofMillis(10),
        List.of(round(1, List.of("seq", "uuid4"), noted, noted))).json();
    Set<String> written = new TreeSet<>();
    root.fieldNames().forEachRemaining(written::add);
    root.get("strategies").get(0).fieldNames().forEachRemaining(written::add);
    root.get("ranking").get(0).fieldNames().forEachRemaining(written::add);
    root.get("rounds").get(0).fieldNames().forEachRemaining(written::add);
    root.get("rounds").get(0).get("strategies").get("seq").fieldNames().forEachRemaining(written::add);
    assertThat(written).isEqualTo(documentedKeys());
  }

  /** The keys in the first cells of the tables under "Figures (key-generation.json)" in docs/keygen.md. */
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
  void thePageRanksOnlyWhatTheRangesSupportAndSaysWhatIsIndicative() {
    String body = REPORT.pageBody().outerHtml();
    assertThat(body).contains("<td><b>8,500</b> (8,000..9,000)</td>");
    assertThat(body).contains("within noise").contains("(60 samples, fewer than 100: indicative only)");
    assertThat(body).contains("(900 samples)").doesNotContain("900 samples, fewer");
    assertThat(body).contains("held 200,000 rows when its first round began and up to 208,000 when its last began (+4.0 %)");
    assertThat(body).contains("page cache").contains("db file sequential read");
    assertThat(body).contains("9,000 (#2)");
    List<String> console = new ArrayList<>(REPORT.consoleTable().lines().toList());
    assertThat(console).hasSize(4);
    assertThat(console.get(3)).isEqualTo("ranking by median inserts/s (equal ranks: within noise): 1 seq, 2 uuid4");
  }

  @Test
  void overlappingRangesAreMarkedWithinNoiseOnThePage() {
    List<RoundFigures> close = List.of(
        round(1, List.of("seq", "uuid4"), phase(1, 8000, 3, 300), phase(1, 7900, 3, 300)),
        round(2, List.of("uuid4", "seq"), phase(1, 8200, 3, 300), phase(1, 8300, 3, 300)));
    KeyGenReport r = KeyGenReport.of("r", Dialect.POSTGRESQL, PLAN, Duration.ofMillis(10), close);
    assertThat(r.ranking()).allMatch(p -> p.rank() == 1);
    assertThat(r.consoleTable()).contains("1 seq, 1 uuid4");
    assertThat(r.pageBody().outerHtml()).contains("<td class=\"value\">seq</td><td class=\"value\">8,100</td>"
        + "<td class=\"value\">8,000..8,200</td><td class=\"value\">\u2013</td><td class=\"value\">uuid4</td>");
  }

  @Test
  void thePageIsLinkedFromEveryGatlingPageOnce(@TempDir Path dir) throws Exception {
    String gatlingPage = "<div class=\"item\"><a id=\"details_link\" href=\"req_x.html\">Details</a></div></div>";
    Files.writeString(dir.resolve("index.html"), gatlingPage);
    Files.writeString(dir.resolve("req_x.html"), gatlingPage);
    REPORT.writePage(dir);
    REPORT.writePage(dir);
    for (String page : List.of("index.html", "req_x.html")) {
      String html = Files.readString(dir.resolve(page));
      assertThat(html.split("href=\"key-generation.html\"", -1)).as(page).hasSize(2);
    }
    assertThat(Files.readString(dir.resolve(KeyGenReport.PAGE))).contains("<td>uuid4</td>").contains("<svg");
  }
}

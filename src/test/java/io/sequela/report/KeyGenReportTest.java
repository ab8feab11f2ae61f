package io.sequela.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.sequela.config.KeyGenPlan;
import io.sequela.config.KeyGenPlanLoader;
import io.sequela.db.Dialect;
import io.sequela.stats.BlockFigures;
import io.sequela.stats.KeyGenFigures;
import io.sequela.stats.KeyGenRanking;
import io.sequela.stats.StrategyComparison;
import io.sequela.stats.StrategyFigures;
import io.sequela.stats.WarmupFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
      ConfigFactory.parseString("users = 8, preseed_rows = 200000, blocks = 3, block = 1s").root(), null);

  /** One block of a strategy: {@code rate} inserts/s, {@code read} index blocks read, {@code waits} session samples of CPU. */
  private static BlockFigures block(String strategy, int n, int slot, long rowsBefore, double rate, long read, long waits) {
    return new BlockFigures(strategy, n, n, slot, 2 * (n - 1) + slot, rowsBefore, Math.round(rate), Math.round(rate), 1.0,
        rate, 300L, 700L, 900L, 5000L, 0, 0, 8192L, 155648L, 850_000L * read, read, 7600L, waits,
        waits == 0 ? Map.of() : Map.of("CPU", waits), null);
  }

  private static KeyGenFigures figures(List<BlockFigures> blocks, Double low, Double high, String faster) {
    List<StrategyFigures> strategies = new ArrayList<>();
    for (String s : List.of("seq", "uuid4")) {
      List<BlockFigures> own = blocks.stream().filter(b -> b.strategy().equals(s)).toList();
      strategies.add(StrategyFigures.over(s, own, s.equals("seq") ? low : null, s.equals("seq") ? high : null));
    }
    List<StrategyComparison> comparisons = List.of(new StrategyComparison("seq", "uuid4", 3, -3000.0, -3800.0, -2200.0,
        40.0, 10.0, 70.0, faster, faster, null));
    return new KeyGenFigures("design=1; warmup=800 inserts; blocks=3; block=1s; seed=1", "AB BA AB",
        List.of(new WarmupFigures("seq", 800, 0.12, true, "800 of 800 inserts"),
            new WarmupFigures("uuid4", 800, 0.2, true, "800 of 800 inserts")),
        strategies, comparisons, KeyGenRanking.of(strategies, comparisons), blocks);
  }

  /** seq faster than uuid4 by the interval; uuid4 sampled less than 100 times. */
  private static final List<BlockFigures> BLOCKS = List.of(
      block("seq", 1, 1, 200_000, 8000, 3, 300), block("uuid4", 1, 2, 200_000, 5000, 2000, 20),
      block("uuid4", 2, 1, 205_000, 5500, 2100, 20), block("seq", 2, 2, 208_000, 9000, 4, 310),
      block("seq", 3, 1, 217_000, 8500, 2, 290), block("uuid4", 3, 2, 210_500, 6000, 1900, 20));
  private static final KeyGenReport REPORT = KeyGenReport.of("run-1", Dialect.POSTGRESQL, PLAN, Duration.ofMillis(10),
      figures(BLOCKS, 6000.0, 11000.0, "seq"));

  @Test
  void theJsonHasTheDesignTheBlocksThePairsAndPerStrategyMeansWithTheirInterval() {
    JsonNode root = REPORT.json();
    assertThat(root.get("design").asText()).isEqualTo("design=1; warmup=800 inserts; blocks=3; block=1s; seed=1");
    assertThat(root.get("block_s").asDouble()).isEqualTo(1.0);
    assertThat(root.get("blocks_per_strategy").asInt()).isEqualTo(3);
    assertThat(root.get("warmups").get(1).get("inserts").asLong()).isEqualTo(800);
    assertThat(root.get("blocks")).hasSize(6);
    JsonNode b3 = root.get("blocks").get(2);
    assertThat(b3.get("strategy").asText()).isEqualTo("uuid4");
    assertThat(b3.get("round").asInt()).isEqualTo(2);
    assertThat(b3.get("inserts_per_s").asDouble()).isEqualTo(5500);
    JsonNode seq = root.get("strategies").get(0);
    assertThat(seq.get("name").asText()).isEqualTo("seq");
    assertThat(seq.get("blocks").asInt()).isEqualTo(3);
    assertThat(seq.get("inserts_per_s").asDouble()).isEqualTo(8500);
    assertThat(seq.get("inserts_per_s_low").asDouble()).isEqualTo(6000);
    assertThat(seq.get("inserts_per_s_high").asDouble()).isEqualTo(11000);
    assertThat(seq.get("inserts_per_s_min").asDouble()).isEqualTo(8000);
    JsonNode uuid4 = root.get("strategies").get(1);
    assertThat(uuid4.get("inserts_per_s_low").isNull()).isTrue();
    assertThat(uuid4.get("idx_blks_read").asLong()).isEqualTo(2000);
    assertThat(uuid4.get("wal_bytes_max").asLong()).isEqualTo(850_000L * 2100);
    assertThat(uuid4.get("wait_samples").asLong()).isEqualTo(60);
    JsonNode pair = root.get("comparisons").get(0);
    assertThat(pair.get("inserts_per_s_diff").asDouble()).isEqualTo(-3000);
    assertThat(pair.get("faster").asText()).isEqualTo("seq");
    assertThat(pair.get("pairs").asInt()).isEqualTo(3);
    assertThat(root.get("ranking").get(0).get("name").asText()).isEqualTo("seq");
    assertThat(root.get("ranking").get(1).get("rank").asInt()).isEqualTo(2);
  }

  @Test
  void aRunInterruptedBeforeItsFirstBlockSaysSoAndHasNoFigures() {
    KeyGenFigures none = new KeyGenFigures("design=1; warmup=800 inserts; blocks=3; block=1s; seed=1", "AB BA AB",
        List.of(new WarmupFigures("seq", 300, 0.1, false, "interrupted")), List.of(), List.of(),
        KeyGenRanking.of(List.of(), List.of()), List.of());
    KeyGenReport r = KeyGenReport.of("r", Dialect.POSTGRESQL, PLAN, Duration.ofMillis(10), none)
        .withStopped("interrupted (SIGINT) after 0 of 6 measured blocks: no figures");
    assertThat(r.json().get("stopped").asText()).isEqualTo("interrupted (SIGINT) after 0 of 6 measured blocks: no figures");
    assertThat(r.json().get("blocks")).isEmpty();
    assertThat(r.pageBody().text()).contains("This run was interrupted (SIGINT) after 0 of 6 measured blocks");
    assertThat(r.consoleTable()).startsWith("strategy");
    assertThat(REPORT.json().has("stopped")).as("a run that ran every step has no stopped key").isFalse();
  }

  @Test
  void h2ResultsCarryNoPostgresqlFiguresInTheStrategiesOrTheBlocks() {
    JsonNode root = KeyGenReport.of("r", Dialect.H2, PLAN, Duration.ofMillis(10), figures(BLOCKS, null, null, null)).json();
    for (JsonNode s : List.of(root.get("strategies").get(0), root.get("blocks").get(0))) {
      assertThat(s.has("wal_bytes") || s.has("wal_bytes_min") || s.has("idx_blks_read_max")).isFalse();
      assertThat(s.has("wait_events") || s.has("wait_samples")).isFalse();
      assertThat(s.has("p50_us")).isTrue();
    }
  }

  @Test
  void oracleResultsCarryWaitEventsButNoServerCounters() {
    JsonNode s = KeyGenReport.of("r", Dialect.ORACLE, PLAN, Duration.ofMillis(10), figures(BLOCKS, null, null, null)).json()
        .get("strategies").get(0);
    assertThat(s.has("wal_bytes") || s.has("idx_blks_read") || s.has("idx_blks_hit")).isFalse();
    assertThat(s.get("wait_events").get("CPU").asLong()).isEqualTo(900);
    assertThat(s.has("note")).as("no note given").isFalse();
  }

  @Test
  void theFileHoldsTheFiguresInRecordOrderRoundedAndNullWhereUnmeasured(@TempDir Path dir) throws Exception {
    BlockFigures unmeasured = new BlockFigures("uuid4", 1, 1, 2, 2, 0, 0, 0, 1.23456, 1000.0 / 3, null, null, null, null,
        0, 0, null, null, null, null, null, 0, Map.of(), "block not measured");
    JsonNode root = new ObjectMapper().readTree(KeyGenReport.of("run-2", Dialect.POSTGRESQL, PLAN, Duration.ofMillis(10),
        figures(List.of(block("seq", 1, 1, 1, 8000, 3, 300), unmeasured), null, null, null)).writeJson(dir).toFile());
    assertThat(root.fieldNames()).toIterable().containsExactly("run_id", "dialect", "users", "commit", "preseed_rows",
        "design", "order", "block_s", "blocks_per_strategy", "order_seed", "wait_sample_interval_ms", "warmups",
        "strategies", "comparisons", "ranking", "blocks");
    JsonNode u4 = root.get("strategies").get(1);
    assertThat(u4.get("wall_s").asDouble()).as("3 decimals").isEqualTo(1.235);
    assertThat(u4.get("inserts_per_s").asDouble()).isEqualTo(333.333);
    assertThat(u4.get("p50_us").isNull()).as("written as null, not left out").isTrue();
    assertThat(u4.get("wal_bytes").isNull()).isTrue();
    assertThat(u4.get("note").asText()).isEqualTo("block not measured");
    assertThat(root.get("strategies").get(0).has("note")).isFalse();
  }

  @Test
  void theJsonKeysAreTheDocumentedKeys() throws Exception {
    BlockFigures noted = new BlockFigures("seq", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1L, 1L, 1L, 1L, 0, 0, 1L, 1L, 1L, 1L, 1L, 0,
        Map.of(), "a note");
    KeyGenFigures f = figures(List.of(noted, new BlockFigures("uuid4", 1, 1, 2, 2, 1, 1, 1, 1, 1, 1L, 1L, 1L, 1L, 0, 0,
        1L, 1L, 1L, 1L, 1L, 0, Map.of(), "a note")), 1.0, 2.0, null);
    StrategyComparison tooFew = new StrategyComparison("seq", "uuid4", 1, null, null, null, null, null, null, null, null,
        "too few blocks for an interval: 1 pair, need 3");
    f = new KeyGenFigures(f.design(), f.order(), f.warmups(), f.strategies(), List.of(tooFew), f.ranking(), f.blocks());
    JsonNode root = KeyGenReport.of("r", Dialect.POSTGRESQL, PLAN, Duration.ofMillis(10), f).json();
    Set<String> written = new TreeSet<>();
    root.fieldNames().forEachRemaining(written::add);
    for (String list : List.of("strategies", "ranking", "blocks", "warmups", "comparisons")) {
      root.get(list).get(0).fieldNames().forEachRemaining(written::add);
    }
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
  void thePageShowsTheIntervalsTheVerdictsAndTheDesignAndSaysWhatIsIndicative() {
    String body = REPORT.pageBody().outerHtml();
    assertThat(body).contains("<td><b>8,500</b> (6,000..11,000)</td>");
    assertThat(body).contains("seq faster than uuid4").contains("-3000 (-3800..-2200)");
    assertThat(body).contains("Design: design=1; warmup=800 inserts; blocks=3; block=1s; seed=1");
    assertThat(body).contains("(60 samples, fewer than 100: indicative only)");
    assertThat(body).contains("(900 samples)").doesNotContain("900 samples, fewer");
    assertThat(body).contains("held 200,000 rows or more when its first block began and up to 217,000 when its last"
        + " began (+8.5 %)");
    assertThat(body).contains("page cache").contains("db file sequential read");
    assertThat(body).contains("5,500 (r2 #1)");
    List<String> console = new ArrayList<>(REPORT.consoleTable().lines().toList());
    assertThat(console).hasSize(4);
    assertThat(console.get(1)).contains("8,500 (6,000..11,000)");
    assertThat(console.get(3)).endsWith("excludes 0): 1 seq, 2 uuid4");
  }

  @Test
  void strategiesWhoseIntervalHoldsZeroAreNotToldApart() {
    KeyGenReport r = KeyGenReport.of("r", Dialect.POSTGRESQL, PLAN, Duration.ofMillis(10), figures(BLOCKS, null, null,
        null));
    assertThat(r.ranking()).allMatch(p -> p.rank() == 1);
    assertThat(r.consoleTable()).contains("1 seq, 1 uuid4");
    assertThat(r.pageBody().outerHtml()).contains("not told apart by inserts/s");
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

package io.sequela.keygen;

import io.sequela.record.RequestRecords;
import io.sequela.run.AfterReport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.db.Target;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.testing.EmbeddedDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs KeyGenSimulation in this JVM (Gatling's own launcher) on a small plan against the embedded PostgreSQL
 * (4 users, a warm-up of 300 inserts per strategy, then 3 balanced blocks of 300 ms per strategy, wait events sampled
 * every 2 ms), then checks key-generation.json and .html: the warm-up kept out, the blocks in their balanced order,
 * the intervals and the design stamp, µs percentiles, enough wait samples, every insert committed.
 */
@Tag("slow")
class KeyGenSimulationEndToEndTest {

  private static final Path RESULTS = Path.of("target/gatling-test");
  private static final List<String> STRATEGIES = List.of("seq", "site_seq", "uuid1", "uuid4", "uuid7", "seq_block", "snowflake");
  private static final int PRESEED = 50;
  private static int exitCode;
  private static GatlingRun run;
  private static JsonNode json;

  @BeforeAll
  static void runSimulation() throws Exception {
    System.setProperty("sequela.keygen.plan", "plans/keygen-tiny.conf");
    System.setProperty("sequela.keygen.wait_sample_interval", "2ms");
    System.setProperty("sequela.results.dir", RESULTS.toString());
    exitCode = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {"-s", "KeyGenSimulation", "-rf", RESULTS.toString()});
    run = GatlingRun.latest(RESULTS, "KeyGenSimulation").orElseThrow();
    AfterReport.addPagesNow(); // the JVM does not exit after Gatling here, so the hook would not run yet
    json = new ObjectMapper().readTree(run.folder().resolve("key-generation.json").toFile());
  }

  @AfterAll
  static void clearProperties() {
    System.clearProperty("sequela.keygen.plan");
    System.clearProperty("sequela.keygen.wait_sample_interval");
    System.clearProperty("sequela.results.dir");
  }

  @Test
  void gatlingSucceedsAndEveryInsertIsOk() {
    assertThat(exitCode).isZero();
    assertThat(RequestRecords.in(run.folder()).outcomesByRequest().get("warm-up insert uuid4").ok()).as("300 and at most one per other user")
        .isBetween(300L, 303L);
    RequestRecords.in(run.folder()).outcomesByRequest().forEach((name, o) -> assertThat(o.ko()).as(name).isZero());
  }

  @Test
  void theWarmupRowsAreInNoFigureAndGone() throws Exception {
    assertThat(json.get("warmups")).hasSize(7);
    Map<String, Long> rows = new HashMap<>();
    for (JsonNode s : json.get("strategies")) {
      rows.put(s.get("name").asText(), s.get("rows").asLong());
      assertThat(s.get("rows").asLong()).as(s.get("name").asText()).isEqualTo(s.get("ok").asLong()).isPositive();
    }
    Target pg = Target.parse("embedded", null, null).resolve();
    try (Connection c = EmbeddedDb.connect(pg); Statement st = c.createStatement()) {
      for (String s : STRATEGIES) {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + s)) {
          rs.next();
          assertThat(rs.getLong(1)).as(s).isEqualTo(PRESEED + rows.get(s));
        }
      }
    }
  }

  @Test
  void theBlocksRunInTheBalancedOrderForTheirDurationAndTheJsonCarriesTheDesign() {
    assertThat(json.get("design").asText()).isEqualTo("design=1; warmup=300 inserts; blocks=3; block=300ms; seed=7");
    JsonNode blocks = json.get("blocks");
    assertThat(blocks).hasSize(3 * 7);
    Map<String, Set<Integer>> slots = new HashMap<>();
    int position = 1;
    for (JsonNode b : blocks) {
      assertThat(b.get("position").asInt()).isEqualTo(position++);
      assertThat(b.get("wall_s").asDouble()).as("a block of 300 ms").isGreaterThanOrEqualTo(0.3);
      slots.computeIfAbsent(b.get("strategy").asText(), k -> new HashSet<>()).add(b.get("slot").asInt());
    }
    STRATEGIES.forEach(s -> assertThat(slots.get(s)).as(s + ": a different slot in each round").hasSize(3));
    for (JsonNode s : json.get("strategies")) {
      assertThat(s.get("blocks").asInt()).isEqualTo(3);
      assertThat(s.get("inserts_per_s").asDouble()).isBetween(s.get("inserts_per_s_low").asDouble(),
          s.get("inserts_per_s_high").asDouble());
    }
    assertThat(json.get("comparisons")).hasSize(21);
    for (JsonNode c : json.get("comparisons")) {
      assertThat(c.get("pairs").asInt()).isEqualTo(3);
      assertThat(c.get("inserts_per_s_low").asDouble()).isLessThanOrEqualTo(c.get("inserts_per_s_high").asDouble());
      if (!c.get("faster").isNull()) {
        assertThat(c.get("inserts_per_s_low").asDouble() > 0 || c.get("inserts_per_s_high").asDouble() < 0)
            .as("faster only where the interval excludes 0: " + c).isTrue();
      }
    }
  }

  @Test
  void eachStrategysFiguresLieWithinTheirRangeAndLatenciesAreMicroseconds() {
    List<String> names = new ArrayList<>();
    for (JsonNode s : json.get("strategies")) {
      String name = s.get("name").asText();
      names.add(name);
      for (String figure : List.of("inserts_per_s", "p50_us", "p99_us", "wal_bytes", "idx_blks_read")) {
        double median = s.get(figure).asDouble();
        assertThat(median).as(name + " " + figure).isBetween(s.get(figure + "_min").asDouble(), s.get(figure + "_max").asDouble());
      }
      assertThat(s.get("inserts_per_s_min").asDouble()).isPositive();
      assertThat(s.get("p50_us").asLong()).as(name + ": an insert takes more than 1 µs").isGreaterThan(1);
      assertThat(s.get("p95_us").asLong()).isBetween(s.get("p50_us").asLong(), s.get("p99_us").asLong());
      assertThat(s.get("max_us").asLong()).isGreaterThanOrEqualTo(s.get("p99_us_max").asLong());
      assertThat(s.get("ko").asLong()).isZero();
      assertThat(s.get("duplicates").asLong()).isZero();
      assertThat(s.get("index_bytes_after").asLong()).isGreaterThanOrEqualTo(s.get("index_bytes_before").asLong()).isPositive();
      assertThat(s.get("idx_blks_hit").asLong()).as("index blocks hit").isPositive();
    }
    assertThat(names).containsExactlyElementsOf(STRATEGIES);
    assertThat(json.get("ranking")).hasSize(STRATEGIES.size());
  }

  @Test
  void everyStrategyHasAtLeast100WaitSamples() {
    for (JsonNode s : json.get("strategies")) {
      long total = 0;
      for (JsonNode n : s.get("wait_events")) {
        total += n.asLong();
      }
      assertThat(s.get("wait_samples").asLong()).as(s.get("name").asText()).isGreaterThanOrEqualTo(100).isEqualTo(total);
    }
  }

  @Test
  void thePageIsWrittenAndLinkedFromGatlingsPages() throws Exception {
    String page = Files.readString(run.folder().resolve("key-generation.html"), StandardCharsets.UTF_8);
    STRATEGIES.forEach(s -> assertThat(page).contains("<td>" + s + "</td>"));
    assertThat(page).contains("<svg").contains("Ranking by mean inserts/s").contains("when its first block began")
        .contains("Design: design=1; warmup=300 inserts; blocks=3; block=300ms; seed=7");
    assertThat(Files.readString(run.folder().resolve("index.html"), StandardCharsets.UTF_8)).contains("href=\"key-generation.html\"");
  }

  @Test
  void theNightlyChecksPassWithTheirJunitFileAndTheTrendPage() throws Exception {
    String xml = Files.readString(run.folder().resolve("sequela-assertions.xml"), StandardCharsets.UTF_8);
    assertThat(xml).contains("<testsuite name=\"KeyGenSimulation\"").contains("failures=\"0\"")
        .contains("name=\"keygen-tiny uuid4: rows = OK\"");
    assertThat(Files.readString(run.folder().resolve("index.html"), StandardCharsets.UTF_8)).contains("href=\"trends.html\"");
    assertThat(Files.readString(run.folder().resolve("trends.html"), StandardCharsets.UTF_8)).contains("uuid4_inserts_per_s");
  }
}

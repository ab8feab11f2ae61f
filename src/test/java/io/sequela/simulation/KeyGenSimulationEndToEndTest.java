package io.sequela.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.gatlingrun.GatlingRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs KeyGenSimulation in this JVM (Gatling's own launcher) on a tiny plan against the embedded
 * PostgreSQL, then checks key-generation.json and .html: one entry per strategy, every insert committed.
 */
class KeyGenSimulationEndToEndTest {

  private static final Path RESULTS = Path.of("target/gatling-test");
  private static final List<String> STRATEGIES = List.of("seq", "site_seq", "uuid1", "uuid4", "uuid7", "seq_block", "snowflake");
  private static int exitCode;
  private static GatlingRun run;

  @BeforeAll
  static void runSimulation() {
    System.setProperty("sequela.keygen.plan", "plans/keygen-tiny.conf");
    System.setProperty("sequela.results.dir", RESULTS.toString());
    exitCode = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {"-s", "KeyGenSimulation", "-rf", RESULTS.toString()});
    run = GatlingRun.latest(RESULTS, "KeyGenSimulation").orElseThrow();
    AfterReport.addPagesNow(); // the JVM does not exit after Gatling here, so the hook would not run yet
  }

  @AfterAll
  static void clearProperties() {
    System.clearProperty("sequela.keygen.plan");
    System.clearProperty("sequela.results.dir");
  }

  @Test
  void gatlingSucceedsAndEveryInsertIsOk() {
    assertThat(exitCode).isZero();
    assertThat(run.outcomesByRequest().get("insert uuid4").ok()).isEqualTo(40);
    run.outcomesByRequest().forEach((name, o) -> assertThat(o.ko()).as(name).isZero());
  }

  @Test
  void theJsonHasOneEntryPerStrategyWithItsRowsCommitted() throws Exception {
    JsonNode json = new ObjectMapper().readTree(run.folder().resolve("key-generation.json").toFile());
    assertThat(json.get("dialect").asText()).isEqualTo("postgresql");
    List<String> names = new ArrayList<>();
    for (JsonNode s : json.get("strategies")) {
      names.add(s.get("name").asText());
      assertThat(s.get("rows").asLong()).as(s.get("name").asText()).isEqualTo(40);
      assertThat(s.get("ko").asLong()).isZero();
      assertThat(s.get("duplicates").asLong()).isZero();
      assertThat(s.get("inserts_per_s").asDouble()).isPositive();
      assertThat(s.get("index_bytes_after").asLong()).isGreaterThanOrEqualTo(s.get("index_bytes_before").asLong()).isPositive();
      assertThat(s.get("wal_bytes").asLong()).isPositive();
      assertThat(s.get("idx_blks_hit").asLong()).as("index blocks hit by 40 inserts").isPositive();
      assertThat(s.get("p99_ms").asLong()).isGreaterThanOrEqualTo(s.get("p50_ms").asLong());
      assertThat(s.has("wait_events")).isTrue();
    }
    assertThat(names).containsExactlyElementsOf(STRATEGIES);
  }

  @Test
  void thePageIsWrittenAndLinkedFromGatlingsPages() throws Exception {
    String page = Files.readString(run.folder().resolve("key-generation.html"), StandardCharsets.UTF_8);
    STRATEGIES.forEach(s -> assertThat(page).contains("<td>" + s + "</td>"));
    assertThat(page).contains("<svg");
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

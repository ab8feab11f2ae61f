package io.sequela.keygen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.run.AfterReport;
import io.sequela.testing.Slow;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A KeyGen run without warm-up: its first measured block is the run's first step, prepared in Gatling's before() while
 * no user runs yet. It used to open there, so its time passed while Gatling started the users: on a loaded machine a
 * block of 300 ms held no insert, its strategy had no p99 in key-generation.json (nor in a sweep's page) and a mean
 * inserts/s dragged down by an empty block (issue 24). Now it opens when its last user has arrived.
 */
@Slow
class KeyGenWithoutWarmupTest {

  private static final Path RESULTS = Path.of("target/gatling-test-no-warmup");

  @Test
  void theFirstBlockRunsItsWholeTimeWithEveryUserAndEveryStrategyHasItsP99() throws Exception {
    System.setProperty("sequela.keygen.plan", "plans/keygen-no-warmup.conf");
    System.setProperty("sequela.results.dir", RESULTS.toString());
    int exit;
    try {
      exit = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {"-s", "KeyGenSimulation", "-rf", RESULTS.toString()});
    } finally {
      System.clearProperty("sequela.keygen.plan");
      System.clearProperty("sequela.results.dir");
    }
    assertThat(exit).isZero();
    GatlingRun run = GatlingRun.latest(RESULTS, "KeyGenSimulation").orElseThrow();
    AfterReport.addPagesNow();
    JsonNode json = new ObjectMapper().readTree(run.folder().resolve("key-generation.json").toFile());
    assertThat(json.get("warmups")).isEmpty();
    JsonNode first = json.get("blocks").get(0);
    assertThat(first.get("position").asInt()).isEqualTo(1);
    assertThat(first.get("ok").asLong()).as("the first block's inserts: every user inserts in it, " + first)
        .isGreaterThanOrEqualTo(4);
    assertThat(json.get("blocks")).allSatisfy(b -> assertThat(b.get("ok").asLong()).as(b.toString()).isPositive());
    assertThat(json.get("strategies")).hasSize(2).allSatisfy(s -> {
      assertThat(s.get("p99_us").isNumber()).as("p99 of " + s.get("name")).isTrue();
      assertThat(s.get("p50_us").isNumber()).isTrue();
    });
  }
}

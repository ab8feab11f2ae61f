package io.sequela.seqorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.testing.ForkedGatling;
import io.sequela.testing.ForkedJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The experiment design on the real embedded PostgreSQL, in a JVM of its own (issue 23): one short run of a plan
 * with an A/A test (NOORDER against NOORDER) and the reversed pair (ORDER first, NOORDER first), 4 blocks per mode
 * and a warm-up of 150 inserts. What the design promises, asserted so that a loaded 2-core machine passes: the A/A
 * test finds no difference at 99 % confidence (its 95 % interval, a paired t over the block pairs, widened to 99 %:
 * at 95 % an A/A finds one in 1 run of 20 by chance, and this check would fail CI as often), or one below 10 % of
 * the median latency; the reversed pair's intervals overlap (or their estimates lie within 10 % of the median
 * latency); and the JSON holds the stamp, the balanced order, the blocks and the warm-ups. An even number of block
 * pairs, so the balanced order puts each variant first in as many pairs as the other (BA AB AB BA). This short A/A
 * leans: its second variant came out faster in 11 of the 13 runs kept in target/ over two sessions (mean difference),
 * with 3 pairs and with 4, before and after session 8's changes, by 40-1,250 µs on a p50 of 1.4-1.9 ms; its 95 %
 * interval held zero in all but one (CI, session 8). The cause is not known (docs/experiment-design.md).
 */
@Tag("slow")
class SeqOrderDesignEndToEndTest {

  private static final Path RESULTS = Path.of("target/gatling-design");
  private static final String SCENARII = "\"scenarii\": ["
      + " { \"node_number\": 1, \"iterations\": 48, \"interval\": 0, \"users\": 2, \"connection\": \"embedded\" },"
      + " { \"node_number\": 2, \"iterations\": 24, \"interval\": 0, \"users\": 2, \"connection\": \"embedded\" } ]";
  private static ForkedJvm.Outcome outcome;
  private static JsonNode json;

  @BeforeAll
  static void run() throws Exception {
    Path plan = Files.createTempFile("sequela-design-", ".json");
    Files.writeString(plan, "{ \"warmup\": 150, \"blocks\": 4, \"order_seed\": 7, \"sequence_cache\": 20, \"tests\": ["
        + " { \"test_name\": \"aa\", \"modes\": [\"NOORDER\", \"NOORDER\"], " + SCENARII + " },"
        + " { \"test_name\": \"order_first\", \"modes\": [\"ORDER\", \"NOORDER\"], " + SCENARII + " },"
        + " { \"test_name\": \"noorder_first\", \"modes\": [\"NOORDER\", \"ORDER\"], " + SCENARII + " } ] }");
    outcome = ForkedGatling.run("SeqOrderSimulation", RESULTS, List.of("-Dsequela.plan=" + plan), 600);
    GatlingRun run = GatlingRun.latest(RESULTS, "SeqOrderSimulation").orElseThrow();
    json = new ObjectMapper().readTree(run.folder().resolve("sequence-gaps.json").toFile());
  }

  private static JsonNode test(String name) {
    for (JsonNode t : json.get("tests")) {
      if (t.get("test_name").asText().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no test " + name + " in " + json);
  }

  @Test
  void theRunReconcilesAndEveryTestStatesItsDesign() {
    assertThat(outcome.exitCode()).as(outcome.output()).isZero();
    for (String name : List.of("aa", "order_first", "noorder_first")) {
      JsonNode d = test(name).get("design");
      assertThat(d.get("stamp").asText()).as(name).startsWith("design=1; warmup=150 inserts; blocks=4; block=")
          .endsWith("; seed=7");
      assertThat(d.get("blocks")).as(name).hasSize(8);
      assertThat(d.get("order").asText()).as(name).matches("(AB|BA) (AB|BA) (AB|BA) (AB|BA)");
      assertThat(d.get("warmups")).as(name).hasSize(2).allSatisfy(w -> {
        assertThat(w.get("stable").isBoolean()).isTrue();
        assertThat(w.get("inserts").asLong()).isGreaterThanOrEqualTo(150);
      });
      assertThat(test(name).get("comparison").get("block_pairs").asInt()).as(name).isEqualTo(4);
    }
    // the warm-ups' rows count nowhere: each mode holds exactly its blocks' planned rows
    assertThat(test("order_first").get("modes").get("ORDER").get("rows").asLong()).isEqualTo(2 * 48 + 2 * 24);
    assertThat(test("aa").get("modes").get("NOORDER").get("rows").asLong()).isEqualTo(2 * (2 * 48 + 2 * 24));
    assertThat(test("aa").get("modes").get("NOORDER").get("blocks")).hasSize(8);
  }

  @Test
  void theAaTestFindsNoMeasurableDifference() {
    JsonNode c = test("aa").get("comparison");
    assertThat(c.get("compared").asText()).isEqualTo("NOORDER#2 - NOORDER#1");
    double median = test("aa").get("modes").get("NOORDER").get("nodes").get("1").get("p50_us").asDouble();
    JsonNode ci = c.get("median_latency_diff_ci_us");
    boolean containsZero = ci.get(0).asDouble() <= 0 && ci.get(1).asDouble() >= 0;
    // the same paired t interval at 99 %: half-width x t(0.995, df) / t(0.975, df), df = pairs - 1
    TDistribution t = new TDistribution(c.get("block_pairs").asInt() - 1);
    double centre = (ci.get(0).asDouble() + ci.get(1).asDouble()) / 2;
    double halfWidth99 = (ci.get(1).asDouble() - ci.get(0).asDouble()) / 2
        * t.inverseCumulativeProbability(0.995) / t.inverseCumulativeProbability(0.975);
    boolean containsZeroAt99 = Math.abs(centre) <= halfWidth99;
    assertThat(containsZeroAt99 || Math.abs(c.get("median_latency_diff_us").asDouble()) < 0.1 * median)
        .as(c.toString()).isTrue();
    assertThat(c.get("verdict").asText()).startsWith(containsZero ? "NOORDER#2 vs NOORDER#1: no measurable difference"
        : "NOORDER#2");
  }

  @Test
  void theReversedPairsIntervalsOverlap() {
    JsonNode a = test("order_first").get("comparison");
    JsonNode b = test("noorder_first").get("comparison");
    assertThat(a.get("compared").asText()).isEqualTo("ORDER - NOORDER");
    assertThat(b.get("compared").asText()).isEqualTo("ORDER - NOORDER");
    JsonNode ca = a.get("median_latency_diff_ci_us");
    JsonNode cb = b.get("median_latency_diff_ci_us");
    boolean overlap = ca.get(0).asDouble() <= cb.get(1).asDouble() && cb.get(0).asDouble() <= ca.get(1).asDouble();
    double median = test("order_first").get("modes").get("NOORDER").get("nodes").get("1").get("p50_us").asDouble();
    assertThat(overlap || Math.abs(a.get("median_latency_diff_us").asDouble() - b.get("median_latency_diff_us").asDouble())
        < 0.1 * median).as(a + " / " + b).isTrue();
    assertThat(a.get("mean_latency_diff_ci_us")).hasSize(2);
  }
}

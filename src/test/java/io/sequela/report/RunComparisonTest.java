package io.sequela.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunComparisonTest {

  private static final ObjectMapper M = new ObjectMapper();

  @TempDir Path dir;

  static String gaps(String runId, double cost, double low, double high, double p99) {
    return ("{'run_id':'" + runId + "','dialect':'postgresql','tests':[{'test_name':'t','modes':{'ORDER':{'rows':10,'ko':0,"
        + "'rows_per_s':5.5,'gap_count':0,'missing':0,'duplicate_ids':0,'inversions_total':1,'nodes':{'1':{'p50_us':100,"
        + "'p99_us':" + p99 + ",'rows_per_s':5.5,'ko':0}}}},'comparison':{'verdict':'ORDER costs +" + cost + " us',"
        + "'median_latency_diff_us':" + cost + ",'median_latency_diff_ci_us':[" + low + "," + high + "],'ci_method':'x',"
        + "'gap_count_diff':0}}]}").replace('\'', '"');
  }

  static String stamp(String runId, String planHash, String design) {
    return ("{'simulation':'SeqOrderSimulation','run_id':'" + runId + "','plan':'p.json','plan_hash':'" + planHash
        + "','target':'postgresql embedded','design':'" + design + "'}").replace('\'', '"');
  }

  static RunResult seqOrder(String runId, double cost, double low, double high, double p99, String planHash, String design)
      throws Exception {
    return RunResult.of(SequenceGapsReport.JSON, M.readTree(gaps(runId, cost, low, high, p99)),
        M.readTree(stamp(runId, planHash, design)));
  }

  @Test
  void everyFigureIsPairedWithItsDifferenceAndTwoIntervalsGiveTheDifferenceOne() throws Exception {
    RunResult a = seqOrder("a", 100, 80, 130, 900, "h", "d1");
    RunResult b = seqOrder("b", 160, 150, 170, 990, "h", "d1");
    RunComparison c = RunComparison.of(a, b);
    assertThat(c.warnings()).isEmpty();
    RunComparison.Pair cost = c.pairs().stream().filter(p -> p.key().equals("t median_latency_diff_us")).findFirst().orElseThrow();
    assertThat(cost.name()).isEqualTo("t ORDER \u2212 NOORDER median latency (\u00b5s)");
    assertThat(cost.difference()).isEqualTo(60.0);
    // MOVER: 60 - sqrt(10^2 + 30^2), 60 + sqrt(10^2 + 20^2)
    assertThat(cost.low()).isCloseTo(60 - Math.sqrt(1000), within(1e-9));
    assertThat(cost.high()).isCloseTo(60 + Math.sqrt(500), within(1e-9));
    RunComparison.Pair p99 = c.pairs().stream().filter(p -> p.key().equals("t ORDER node 1 p99_us")).findFirst().orElseThrow();
    assertThat(p99.difference()).isEqualTo(90.0);
    assertThat(p99.percent()).isCloseTo(10.0, within(1e-9));
    assertThat(p99.low()).isNull();
    assertThat(c.pairs()).allSatisfy(p -> assertThat(p.a()).isNotNull());
  }

  @Test
  void anotherPlanOrDesignIsAWarning() throws Exception {
    RunComparison c = RunComparison.of(seqOrder("a", 1, 0, 2, 9, "h1", "d1"), seqOrder("b", 1, 0, 2, 9, "h2", "d2"));
    assertThat(c.warnings()).anySatisfy(w -> assertThat(w).contains("plan (its hash)").contains("'h1' against 'h2'"))
        .anySatisfy(w -> assertThat(w).contains("experiment design"));
    RunResult noStamp = RunResult.of(SequenceGapsReport.JSON, M.readTree(gaps("c", 1, 0, 2, 9)), null);
    assertThat(RunComparison.of(noStamp, noStamp).warnings()).anySatisfy(w -> assertThat(w).contains("could not all be checked"));
  }

  @Test
  void runsOfTwoSimulationsDoNotCompare() throws Exception {
    JsonNode q = M.readTree("{\"median_ms\":1.5,\"p99_ms\":3,\"queries\":10,\"errors\":0}");
    RunResult query = RunResult.of(QueryStatsReport.JSON, q, null);
    assertThat(query.verdicts()).containsExactly("median 1.5 ms, p99 3 ms over 10 queries, 0 failed");
    assertThatThrownBy(() -> RunComparison.of(seqOrder("a", 1, 0, 2, 9, "h", "d"), query))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different simulations");
  }

  @Test
  void keyGenRangesAreNoConfidenceIntervals() throws Exception {
    String s = "{\"run_id\":\"k\",\"strategies\":[{\"name\":\"uuid4\",\"inserts_per_s\":100,\"inserts_per_s_min\":90,"
        + "\"inserts_per_s_max\":110,\"p99_us\":50}],\"ranking\":[{\"rank\":1,\"name\":\"uuid4\"}]}";
    RunResult k = RunResult.of(KeyGenReport.JSON, M.readTree(s), null);
    RunComparison c = RunComparison.of(k, k);
    assertThat(k.verdicts()).containsExactly("ranking by median inserts/s: 1. uuid4");
    RunComparison.Pair rate = c.pairs().get(0);
    assertThat(rate.a().hasInterval()).isTrue();
    assertThat(rate.difference()).isZero();
    assertThat(rate.low()).isNull();
  }

  @Test
  void thePageAndTheJsonCarryVerdictsFiguresAndWarnings() throws Exception {
    RunComparison c = RunComparison.of(seqOrder("a", 100, 80, 130, 900, "h", "d1"), seqOrder("b", 160, 150, 170, 990, "h", "d2"));
    Element body = CompareReport.body(c);
    assertThat(body.selectFirst(".headline").text()).startsWith("t ORDER \u2212 NOORDER median latency (\u00b5s): 100 [80 .. 130]"
        + " \u2192 160 [150 .. 170], difference +60 (95 % interval");
    assertThat(body.select("p.warning").text()).contains("experiment design: 'd1' against 'd2'");
    assertThat(body.text()).contains("ORDER costs +100.0 us").contains("ORDER costs +160.0 us");
    var written = CompareReport.write(dir.resolve("out"), c);
    assertThat(Files.readString(written.get(0))).contains("<meta charset=\"utf-8\">").contains("Two runs side by side");
    JsonNode json = M.readTree(written.get(1).toFile());
    assertThat(json.path("warnings")).hasSize(1);
    assertThat(json.path("first").path("design").asText()).isEqualTo("d1");
    assertThat(json.path("figures").get(0).path("difference_ci")).hasSize(2);
  }
}

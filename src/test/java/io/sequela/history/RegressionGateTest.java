package io.sequela.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import io.sequela.config.BaselineSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RegressionGateTest {

  private static final String P99 = "order_node1_p99_us";

  private static RunRecord run(int i, String status, double p99, String planHash) {
    return new RunRecord(Instant.ofEpochSecond(1_800_000_000L + i * 86_400L), "run" + i, status, "p.json", planHash,
        "postgresql embedded", "16", "", "design=1; blocks=4", Map.of(P99, p99));
  }

  private static List<RunRecord> history(double... p99) {
    List<RunRecord> out = new ArrayList<>();
    for (int i = 0; i < p99.length; i++) {
      out.add(run(i, RunRecord.PASSED, p99[i], "h"));
    }
    return out;
  }

  private static Verdict.Kind verdict(List<RunRecord> earlier, double now, Direction d, double pct) {
    RunRecord current = run(99, RunRecord.PASSED, now, "h");
    Baseline b = Baselines.select(BaselineSpec.DEFAULT, earlier, current);
    Metric m = new Metric(P99, "t ORDER node 1", "p99_us", d, now);
    return RegressionGate.compare(b, List.of(m), OptionalDouble.of(pct)).get(0).kind();
  }

  @Test
  void aSyntheticTwofoldSlowdownIsARegressionAndAFivePercentWobbleIsNot() {
    List<RunRecord> earlier = history(1000, 1020, 980, 1010, 990, 1005);
    assertThat(verdict(earlier, 2000, Direction.LOWER_IS_BETTER, 20)).isEqualTo(Verdict.Kind.REGRESSION);
    assertThat(verdict(earlier, 1050, Direction.LOWER_IS_BETTER, 20)).isEqualTo(Verdict.Kind.STEADY);
    assertThat(verdict(earlier, 500, Direction.LOWER_IS_BETTER, 20)).isEqualTo(Verdict.Kind.IMPROVEMENT);
  }

  @Test
  void aChangeBeyondThePercentButWithinTheNoiseBandIsNotARegression() {
    // noisy baseline: median 1000, MAD 100, band 700..1300; +5 % exceeds a 2 % threshold but is noise
    List<RunRecord> earlier = history(900, 1100, 1000, 800, 1200);
    assertThat(verdict(earlier, 1050, Direction.LOWER_IS_BETTER, 2)).isEqualTo(Verdict.Kind.STEADY);
    assertThat(verdict(earlier, 1400, Direction.LOWER_IS_BETTER, 2)).isEqualTo(Verdict.Kind.REGRESSION);
  }

  @Test
  void throughputRegressesDownwards() {
    List<RunRecord> earlier = history(5000, 5100, 4900);
    assertThat(verdict(earlier, 2500, Direction.HIGHER_IS_BETTER, 20)).isEqualTo(Verdict.Kind.REGRESSION);
    assertThat(verdict(earlier, 10000, Direction.HIGHER_IS_BETTER, 20)).isEqualTo(Verdict.Kind.IMPROVEMENT);
  }

  @Test
  void tooFewRunsOtherPlansAndFailedRunsGiveNoBaseline() {
    List<RunRecord> earlier = new ArrayList<>(history(1000, 1000));
    earlier.add(run(7, RunRecord.FAILED, 1000, "h"));
    earlier.add(run(8, RunRecord.PASSED, 1000, "other plan"));
    Baseline b = Baselines.select(BaselineSpec.DEFAULT, earlier, run(99, RunRecord.PASSED, 5000, "h"));
    assertThat(b.usable()).isFalse();
    assertThat(b.missing()).contains("too few runs: 2 passed run(s)").contains("3 needed");
    assertThat(verdict(earlier, 5000, Direction.LOWER_IS_BETTER, 20)).isEqualTo(Verdict.Kind.NO_BASELINE);
  }

  @Test
  void runsOfAnotherExperimentDesignAreNeverABaseline() {
    List<RunRecord> earlier = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      RunRecord r = run(i, RunRecord.PASSED, 1000, "h");
      earlier.add(new RunRecord(r.time(), r.runId(), r.status(), r.plan(), r.planHash(), r.target(), r.serverVersion(),
          r.commit(), "design=1; blocks=8", r.metrics()));
    }
    Baseline b = Baselines.select(BaselineSpec.DEFAULT, earlier, run(99, RunRecord.PASSED, 5000, "h"));
    assertThat(b.usable()).isFalse();
    assertThat(Baselines.select(BaselineSpec.DEFAULT, history(1000, 1000, 1000), run(99, RunRecord.PASSED, 5000, "h"))
        .usable()).isTrue();
  }

  @Test
  void previousAndRunIdPickOneRun() {
    List<RunRecord> earlier = history(1000, 3000);
    RunRecord now = run(99, RunRecord.PASSED, 3100, "h");
    assertThat(Baselines.select(BaselineSpec.parse("previous"), earlier, now).runs()).extracting(RunRecord::runId).containsExactly("run1");
    assertThat(Baselines.select(BaselineSpec.parse("run0"), earlier, now).runs()).extracting(RunRecord::runId).containsExactly("run0");
    assertThat(Baselines.select(BaselineSpec.parse("nope"), earlier, now).missing()).isEqualTo("baseline run nope is not in the history");
    assertThat(Baselines.select(BaselineSpec.parse("median:2"), history(1, 2, 3), now).runs()).extracting(RunRecord::runId)
        .containsExactly("run1", "run2");
  }

  @Test
  void aBadBaselineSettingNamesTheSetting() {
    assertThatThrownBy(() -> BaselineSpec.parse("median:0")).isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("sequela.baseline: must be median:N (N from 1 to 999), previous or a run id, got 'median:0'");
  }
}

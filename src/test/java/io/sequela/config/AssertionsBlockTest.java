package io.sequela.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.sequela.SequelaException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssertionsBlockTest {

  private static final String NODE = "{ \"node_number\": 1, \"iterations\": 10, \"interval\": 0, \"connection\": \"embedded\" }";

  private static Plan plan(String planAssertions, String testAssertions) {
    return PlanLoader.parse("plan.json", ConfigFactory.parseString("{ " + planAssertions + " \"tests\": [ { \"test_name\": \"t\", "
        + testAssertions + " \"scenarii\": [ " + NODE + " ] } ] }").root());
  }

  @Test
  void testLevelLimitsOverrideThePlansAndTheRestAreInherited() {
    Limits l = plan("\"assertions\": { \"ko_max\": 0, \"p99_us_max\": 5000, \"regression_pct_max\": 20 },",
        "\"assertions\": { \"p99_us_max\": 8000, \"order_cost_us_max\": -50 },").tests().get(0).assertions();
    assertThat(l.values()).containsExactlyInAnyOrderEntriesOf(Map.of(Limit.KO_MAX, 0.0, Limit.P99_US_MAX, 8000.0,
        Limit.REGRESSION_PCT_MAX, 20.0, Limit.ORDER_COST_US_MAX, -50.0));
    assertThat(plan("", "").tests().get(0).assertions()).isEqualTo(Limits.NONE);
  }

  @Test
  void unknownKeysAndBadValuesAreProblemsWithTheirPath() {
    assertThatThrownBy(() -> plan("\"assertions\": { \"ko_max\": -1, \"p99_max\": 3 },",
        "\"assertions\": { \"duplicates_max\": 0.5, \"inserts_per_s_min\": 10 },"))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessageContaining("plan.json:1: assertions.ko_max: must be a whole number >= 0, got -1")
        .hasMessageContaining("plan.json:1: assertions.p99_max: unknown key; expected one of [duplicates_max, ko_max, "
            + "order_cost_us_max, order_inversions_max, p99_us_max, regression_pct_max]")
        .hasMessageContaining("tests[0].assertions.duplicates_max: must be a whole number >= 0, got 0.5")
        .hasMessageContaining("tests[0].assertions.inserts_per_s_min: unknown key");
    assertThatThrownBy(() -> plan("\"assertions\": 5,", "")).hasMessageContaining("assertions: must be an object of limits");
  }

  @Test
  void keyGenLimitsApplyToEveryStrategyWithPerStrategyOverrides() {
    KeyGenPlan p = KeyGenPlanLoader.parse("kg.conf", ConfigFactory.parseString(
        "strategies = [seq, uuid4]\nassertions { ko_max = 0, p99_us_max = 5000, uuid4 { p99_us_max = 20000, inserts_per_s_min = 100 } }")
        .root(), null);
    assertThat(p.assertions("seq").values()).isEqualTo(Map.of(Limit.KO_MAX, 0.0, Limit.P99_US_MAX, 5000.0));
    assertThat(p.assertions("uuid4").values()).isEqualTo(Map.of(Limit.KO_MAX, 0.0, Limit.P99_US_MAX, 20000.0,
        Limit.INSERTS_PER_S_MIN, 100.0));
    assertThatThrownBy(() -> KeyGenPlanLoader.parse("kg.conf", ConfigFactory.parseString(
        "strategies = [seq]\nassertions {\n uuid4 { ko_max = 0 }\n seq { order_cost_us_max = 1 } }").root(), null))
        .hasMessageContaining("kg.conf:3: assertions.uuid4: unknown key; expected one of [duplicates_max, inserts_per_s_min, ko_max, "
            + "p99_us_max, regression_pct_max, seq]")
        .hasMessageContaining("kg.conf:4: assertions.seq.order_cost_us_max: unknown key");
  }

  @Test
  void queryBenchLimitsComeFromSettingsAndNumbersGivenAsStringsCount() {
    NightlySettings s = NightlySettings.from(ConfigFactory.parseString(
        "sequela.querybench.assertions { p99_ms_max = \"50\", errors_max = 0 }").withFallback(ConfigFactory.defaultReference()));
    assertThat(s.queryBenchLimits().values()).isEqualTo(Map.of(Limit.P99_MS_MAX, 50.0, Limit.ERRORS_MAX, 0.0));
    assertThat(s.baseline().toString()).isEqualTo("median:5");
    assertThatThrownBy(() -> NightlySettings.from(ConfigFactory.parseString(
        "sequela.querybench.assertions { p99_ms = 50, median_ms_max = fast }").withFallback(ConfigFactory.defaultReference())))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessageContaining("sequela.querybench.assertions.p99_ms: unknown key; expected one of [errors_max, median_ms_max, "
            + "p99_ms_max, regression_pct_max]")
        .hasMessageContaining("sequela.querybench.assertions.median_ms_max: must be a number >= 0, got \"fast\"");
  }
}

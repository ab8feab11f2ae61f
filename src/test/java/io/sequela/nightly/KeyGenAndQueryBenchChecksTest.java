package io.sequela.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.stats.QueryStats;
import io.sequela.stats.BlockFigures;
import io.sequela.stats.KeyGenFigures;
import io.sequela.stats.StrategyFigures;
import io.sequela.assertions.Check;
import io.sequela.config.Limit;
import io.sequela.config.Limits;
import io.sequela.config.CommitPolicy;
import io.sequela.config.KeyGenPlan;
import io.sequela.config.StrategyName;
import io.sequela.config.TargetSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyGenAndQueryBenchChecksTest {

  private static StrategyFigures figures(String name, long rows, long ok, long ko, double insertsPerS) {
    BlockFigures one = new BlockFigures(name, 1, 1, 1, 1, 0, rows, ok, 2.0, insertsPerS, 1L, 2L, 3L, 4L, ko, 0, null,
        null, null, null, null, 0, Map.of(), null);
    return StrategyFigures.over(name, List.of(one), null, null);
  }

  private static KeyGenFigures run(StrategyFigures... strategies) {
    return new KeyGenFigures("design=1; blocks=1", "AB", List.of(), List.of(strategies), List.of(), List.of(), List.of());
  }

  @Test
  void keyGenCountsKoAgainstKoMaxPerStrategyAndReconcilesRows() {
    KeyGenPlan plan = new KeyGenPlan("keygen-nightly.conf", TargetSpec.parse("embedded", null, null),
        List.of(new StrategyName("seq", "kg.conf:2"), new StrategyName("uuid4", "kg.conf:2")), 2, CommitPolicy.EACH, 0,
        10, 10, "m", java.time.Duration.ofSeconds(1), 1, KeyGenPlan.Warmup.NONE, 1, null, new Limits(Map.of(Limit.KO_MAX, 0.0)),
        Map.of("seq", new Limits(Map.of(Limit.P99_US_MAX, 5000.0)),
            "uuid4", new Limits(Map.of(Limit.KO_MAX, 5.0, Limit.INSERTS_PER_S_MIN, 100.0, Limit.REGRESSION_PCT_MAX, 20.0))));
    TestResult r = KeyGenNightly.of(plan, run(figures("seq", 18, 18, 2, 9), figures("uuid4", 17, 19, 1, 9.5)));
    assertThat(r.test()).isEqualTo("keygen-nightly");
    assertThat(r.checks()).filteredOn(Check::failed).extracting(c -> c.name() + ": " + c.message()).containsExactly(
        "keygen-nightly seq: ko <= 0: ko 2 > 0",
        "keygen-nightly uuid4: rows = OK: rows 17 != OK 19 (KO 1, 1 blocks)",
        "keygen-nightly uuid4: inserts_per_s >= 100: inserts_per_s 9.5 < 100");
    assertThat(r.checks()).filteredOn(c -> c.name().equals("keygen-nightly seq: p99_us <= 5000"))
        .singleElement().extracting(Check::status).isEqualTo(Check.Status.PASSED);
    assertThat(r.limits().get(Limit.REGRESSION_PCT_MAX)).hasValue(20.0);
    assertThat(r.metrics()).extracting(m -> m.column()).contains("seq_inserts_per_s", "uuid4_p99_us", "uuid4_ko");
    assertThat(r.cutShort()).as("every strategy has the plan's 1 block").isFalse();
    assertThat(KeyGenNightly.of(plan, run(figures("seq", 18, 18, 0, 9))).cutShort()).as("uuid4 has no block").isTrue();
  }

  @Test
  void queryBenchChecksErrorsAndQueryTimes() {
    QueryStats s = new QueryStats("rendezvous", 4, 4, 10, 2, 100, 50, 20, 1.1, 1, 4.5, 5, 9, 8, 9, List.of());
    TestResult r = QueryBenchNightly.of(new Limits(Map.of(Limit.ERRORS_MAX, 0.0, Limit.P99_MS_MAX, 5.0, Limit.MEDIAN_MS_MAX, 5.0)),
        Optional.of(s), 2, 12);
    assertThat(r.checks()).extracting(c -> c.status() + " " + c.name() + ": " + c.message()).containsExactly(
        "FAILED querybench: errors <= 0: errors 2 > 0",
        "PASSED querybench: median_ms <= 5: median_ms 4.5",
        "FAILED querybench: p99_ms <= 5: p99_ms 9 > 5");
    assertThat(r.cutShort()).isFalse();
    assertThat(QueryBenchNightly.of(Limits.NONE, Optional.empty(), 0, 12).cutShort()).isTrue();
  }
}

package io.sequela.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The warm-up rules on latencies of known shape: flat, decaying towards a plateau, drifting for ever. */
class WarmupRuleTest {

  /** Log-normal insert latencies around 250 µs plus {@code extra(i)} µs for the i-th insert. */
  private static long[] latencies(long seed, int n, java.util.function.IntToDoubleFunction extra) {
    LogNormalDistribution d = new LogNormalDistribution(new Well19937c(seed), Math.log(250), 0.4,
        LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = Math.round(d.sample() + extra.applyAsDouble(i));
    }
    return v;
  }

  /** The number of inserts after which {@code rule} first says done, fed in chunks of 100 at 10,000 inserts/s. */
  private static int firstDone(WarmupRule rule, long[] all) {
    for (int n = 100; n <= all.length; n += 100) {
      if (rule.check(Arrays.copyOf(all, n), Duration.ofNanos(n * 100_000L)).done()) {
        return n;
      }
    }
    return -1;
  }

  @Test
  void fixedRulesEndAtTheirDurationOrCount() {
    WarmupRule twoSeconds = WarmupRule.of(Duration.ofSeconds(2));
    assertThat(twoSeconds.check(new long[0], Duration.ofMillis(1999)).done()).isFalse();
    assertThat(twoSeconds.check(new long[0], Duration.ofSeconds(2))).isEqualTo(new WarmupProgress(true, true,
        "2s of 2s"));
    WarmupRule thousand = WarmupRule.inserts(1000);
    assertThat(thousand.check(new long[999], Duration.ofHours(1)).done()).isFalse();
    assertThat(thousand.check(new long[1000], Duration.ZERO).done()).isTrue();
    assertThat(WarmupRule.none().check(new long[0], Duration.ZERO).done()).isTrue();
  }

  @Test
  void autoEndsAfterThreeAgreeingWindowsOnFlatLatencies() {
    long[] flat = latencies(1, 10_000, i -> 0);
    assertThat(firstDone(WarmupRule.auto(), flat)).isEqualTo(1500);
    WarmupProgress p = WarmupRule.auto().check(Arrays.copyOf(flat, 1500), Duration.ofSeconds(1));
    assertThat(p.stable()).isTrue();
    assertThat(p.reason()).startsWith("window medians ").endsWith(" µs within 10 %");
  }

  @Test
  void autoWaitsUntilADecayingWarmUpHasSettled() {
    // JIT and caches: +400 µs at the start, decaying with a time constant of 1,000 inserts
    long[] warming = latencies(2, 10_000, i -> 400 * Math.exp(-i / 1000.0));
    int done = firstDone(WarmupRule.auto(), warming);
    assertThat(done).isBetween(3000, 9000);
    double left = 400 * Math.exp(-done / 1000.0);
    assertThat(left).as("what is left of the warm-up when measuring starts, µs: under 10 %% of the plateau")
        .isLessThan(0.1 * 250);
    assertThat(WarmupRule.auto().check(Arrays.copyOf(warming, done), Duration.ofMillis(done)).stable()).isTrue();
  }

  @Test
  void autoStopsAtItsLimitAndSaysLatencyStillDrifts() {
    // a table growing without bound: latency rises by a third every 1,000 inserts
    long[] drifting = latencies(3, 12_000, i -> 250 * (Math.exp(i / 3000.0) - 1));
    assertThat(firstDone(WarmupRule.auto(), drifting)).isEqualTo((int) WarmupRule.AUTO_MAX_INSERTS);
    WarmupProgress p = WarmupRule.auto().check(Arrays.copyOf(drifting, 10_000), Duration.ofSeconds(3));
    assertThat(p.done()).isTrue();
    assertThat(p.stable()).isFalse();
    assertThat(p.reason()).startsWith("stopped at 10000 inserts, 3s: still drifting (window medians ");
    WarmupProgress byTime = WarmupRule.auto().check(Arrays.copyOf(drifting, 2000), Duration.ofSeconds(5));
    assertThat(byTime.done()).isTrue();
    assertThat(byTime.stable()).isFalse();
  }

  @Test
  void theCallersLatenciesAreNotChanged() {
    long[] v = latencies(4, 3000, i -> 1000 - i / 3.0);
    long[] before = v.clone();
    WarmupRule.auto().check(v, Duration.ofSeconds(1));
    assertThat(v).isEqualTo(before);
  }

  @Test
  void rulesDescribeThemselvesInOneStableLine() {
    assertThat(WarmupRule.auto().describe()).isEqualTo("auto(3 x 500 inserts within 10 % up to 10000 inserts or 5s)");
    assertThat(WarmupRule.of(Duration.ofMillis(1500)).describe()).isEqualTo("1500ms");
    assertThat(WarmupRule.inserts(2000).describe()).isEqualTo("2000 inserts");
    assertThat(new WarmupRule.UntilStable(200, 0.125, 4, 5000, Duration.ofSeconds(2)).describe())
        .isEqualTo("auto(4 x 200 inserts within 12.5 % up to 5000 inserts or 2s)");
  }

  @Test
  void impossibleRulesAreRefused() {
    assertThatThrownBy(() -> WarmupRule.of(Duration.ofSeconds(-1))).hasMessageStartingWith("warmup: must be");
    assertThatThrownBy(() -> WarmupRule.inserts(-1)).hasMessage("warmup: must be >= 0 inserts, got -1");
    assertThatThrownBy(() -> new WarmupRule.UntilStable(500, 0.1, 3, 1000, Duration.ofSeconds(1)))
        .hasMessageStartingWith("warmup: auto needs");
  }
}

package io.sequela.keygen;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.sequela.config.KeyGenPlan;
import io.sequela.config.KeyGenPlanLoader;
import io.sequela.design.Block;
import io.sequela.design.BlockResult;
import io.sequela.stats.BlockFigures;
import io.sequela.stats.KeyGenFigures;
import io.sequela.stats.StrategyComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** KeyGen's figures, computed once from the blocks: "faster" only where the interval of the difference excludes 0. */
class KeyGenAnalysisTest {

  private static final List<String> THREE = List.of("seq", "uuid4", "uuid7");

  /**
   * A run whose blocks insert {@code rates[k]} rows/s for strategy k, times a shared drift per round and noise of
   * +-{@code noise} (a fraction), all blocks 1 s long.
   */
  private static KeyGenFigures run(double[] rates, double noise, long seed) {
    KeyGenPlan plan = KeyGenPlanLoader.parse("plan.conf", ConfigFactory.parseString("blocks = 6, block = 1s, warmup = 0")
        .root(), null);
    KeyGenSchedule schedule = new KeyGenSchedule(plan, THREE);
    Random random = new Random(seed);
    List<KeyGenResults.BlockRun> blocks = new ArrayList<>();
    for (KeyGenSchedule.Step s : schedule.steps()) {
      Block b = s.block();
      double drift = 1 + 0.05 * b.round();
      long rows = Math.round(rates[b.variant()] * drift * (1 + noise * (2 * random.nextDouble() - 1)));
      long[] latencies = new long[(int) rows];
      java.util.Arrays.fill(latencies, Math.round(8e6 / rows));
      BlockResult result = BlockResult.of(b, latencies, Duration.ofSeconds(1));
      blocks.add(new KeyGenResults.BlockRun(result, new BlockFigures(THREE.get(b.variant()), b.number() + 1, b.round() + 1,
          b.slot() + 1, b.position() + 1, 0, rows, rows, 1.0, rows, 1L, 1L, 1L, 1L, 0, 0, null, null, null, null, null, 0,
          Map.of(), null)));
    }
    return KeyGenAnalysis.of(new KeyGenResults("r", plan, schedule, Duration.ofMillis(10), List.of(), blocks, Map.of()));
  }

  private static StrategyComparison pair(KeyGenFigures f, String a, String b) {
    return f.comparisons().stream().filter(c -> c.of(a, b)).findFirst().orElseThrow();
  }

  @Test
  void pairwiseIntervalsAreFamilyWise95PercentOverEveryPair() {
    assertThat(KeyGenAnalysis.familyWise(2)).isEqualTo(0.95, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(KeyGenAnalysis.familyWise(7)).isEqualTo(1 - 0.05 / 21, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void aStrategyIsFasterOnlyWhereTheIntervalOfTheDifferenceExcludesZero() {
    KeyGenFigures f = run(new double[] {10_000, 6_000, 10_100}, 0.03, 1);
    StrategyComparison seqUuid4 = pair(f, "seq", "uuid4");
    assertThat(seqUuid4.pairs()).isEqualTo(6);
    assertThat(seqUuid4.insertsPerSHigh()).as("uuid4 minus seq, all below 0").isNegative();
    assertThat(seqUuid4.faster()).isEqualTo("seq");
    assertThat(seqUuid4.lowerLatency()).isEqualTo("seq");
    StrategyComparison seqUuid7 = pair(f, "seq", "uuid7");
    assertThat(seqUuid7.insertsPerSLow()).isNegative();
    assertThat(seqUuid7.insertsPerSHigh()).isPositive();
    assertThat(seqUuid7.faster()).as("1 % apart under 3 % noise: not told apart").isNull();
    assertThat(f.ranking()).extracting(p -> p.name() + " " + p.rank()).containsExactlyInAnyOrder("seq 1", "uuid7 1",
        "uuid4 3");
    assertThat(f.strategies().get(0).insertsPerSLow()).isLessThan(f.strategies().get(0).insertsPerS());
    assertThat(f.design()).isEqualTo("design=1; warmup=0 inserts; blocks=6; block=1s; seed=1");
  }

  @Test
  void aRoundDriftSharedByAllStrategiesInventsNoDifference() {
    long differences = 0;
    for (long seed = 1; seed <= 40; seed++) {
      KeyGenFigures f = run(new double[] {8_000, 8_000, 8_000}, 0.02, seed);
      differences += f.comparisons().stream().filter(c -> c.faster() != null).count();
    }
    assertThat(differences).as("of 120 comparisons, about 6 (5 %) by chance").isLessThanOrEqualTo(14);
  }

  @Test
  void theSimulationsAfterIsOnlyACallToTheRunner() throws Exception {
    String source = Files.readString(Path.of("simulations/KeyGenSimulation.java"));
    String after = source.substring(source.indexOf("public void after() {"));
    after = after.substring("public void after() {".length(), after.indexOf("\n  }")).strip();
    assertThat(after).isEqualTo("SimulationExit.orExit(() -> run.finish(System.out, this::pluginOutcomesIntoRecord));");
  }
}

package io.sequela.keygen;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.sequela.config.KeyGenPlan;
import io.sequela.config.KeyGenPlanLoader;
import io.sequela.design.Block;
import io.sequela.keys.KeyStrategy;
import io.sequela.load.Outcome;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The steps of a KeyGen run: each strategy's warm-up, then blocks of a fixed duration in a balanced order; a block runs
 * until its time is up whatever the inserts, a warm-up until its rule ends it.
 */
class KeyGenScheduleTest {

  private static final List<String> SEVEN = List.of("seq", "site_seq", "uuid1", "uuid4", "uuid7", "seq_block", "snowflake");
  private static final List<KeyStrategy> STRATEGIES = List.of(KeyStrategy.SEQ, KeyStrategy.UUID4);

  private static KeyGenPlan plan(String hocon) {
    return KeyGenPlanLoader.parse("plan.conf", ConfigFactory.parseString(hocon).root(), null);
  }

  @Test
  void theWarmupsComeFirstThenBlocksInABalancedOrder() {
    KeyGenSchedule s = new KeyGenSchedule(plan("block = 250ms, blocks = 7, warmup = 800, order_seed = 42"), SEVEN);
    assertThat(s.size()).isEqualTo(7 + 7 * 7);
    assertThat(s.firstBlockStep()).isEqualTo(7);
    assertThat(s.steps().subList(0, 7)).allMatch(KeyGenSchedule.Step::warmup);
    assertThat(s.steps().subList(7, s.size())).noneMatch(KeyGenSchedule.Step::warmup);
    assertThat(s.blockDuration()).isEqualTo(Duration.ofMillis(250));
    Map<Integer, Set<Integer>> slots = new HashMap<>();
    for (KeyGenSchedule.Step step : s.steps().subList(7, s.size())) {
      Block b = step.block();
      assertThat(b.variant()).isEqualTo(step.strategy());
      slots.computeIfAbsent(step.strategy(), k -> new HashSet<>()).add(b.slot());
    }
    for (int k = 0; k < 7; k++) {
      assertThat(slots.get(k)).as(SEVEN.get(k) + " takes every slot of a round once in 7 rounds").hasSize(7);
    }
    assertThat(s.name(0)).isEqualTo("seq warm-up");
    assertThat(s.insertRequest(0)).isEqualTo("warm-up insert seq");
    String first = SEVEN.get(s.step(7).strategy());
    assertThat(s.name(7)).isEqualTo(first + " block 1");
    assertThat(s.insertRequest(7)).isEqualTo("insert " + first);
    assertThat(s.group(7)).isEqualTo(first);
    assertThat(s.stamp().line()).isEqualTo("design=1; warmup=800 inserts; blocks=7; block=250ms; seed=42");
    assertThat(new KeyGenSchedule(plan("block = 250ms, blocks = 7, warmup = 800, order_seed = 42"), SEVEN).order().pattern())
        .as("the same seed, the same order").isEqualTo(s.order().pattern());
    KeyGenSchedule none = new KeyGenSchedule(plan("blocks = 3, warmup = 0"), SEVEN);
    assertThat(none.size()).isEqualTo(21);
    assertThat(none.firstBlockStep()).isZero();
  }

  @Test
  void theWarmupKeysAndTheirOlderNames() {
    assertThat(KeyGenSchedule.warmupRule(plan("").warmup()).describe())
        .isEqualTo("auto(3 x 500 inserts within 10 % up to 10000 inserts or 5s)");
    assertThat(KeyGenSchedule.warmupRule(plan("warmup = auto, warmup_max = 2s").warmup()).describe())
        .isEqualTo("auto(3 x 500 inserts within 10 % up to 10000 inserts or 2s)");
    assertThat(KeyGenSchedule.warmupRule(plan("warmup = 1500ms").warmup()).describe()).isEqualTo("1500ms");
    assertThat(KeyGenSchedule.warmupRule(plan("warmup_inserts = 300").warmup()).describe()).isEqualTo("300 inserts");
    assertThat(plan("warmup_inserts = auto").warmup().kind()).isEqualTo(KeyGenPlan.Warmup.Kind.AUTO);
    assertThat(plan("rounds = 4").blocks()).as("rounds is blocks' older name").isEqualTo(4);
  }

  @Test
  void aBlockRunsForItsDurationWhateverItsInsertsAndAWarmupUntilItsRuleEndsIt() {
    KeyGenSchedule s = new KeyGenSchedule(plan("block = 30ms, blocks = 1, warmup = 5, order_seed = 1"),
        List.of("seq", "uuid4"));
    KeyGenBlocks blocks = new KeyGenBlocks(s, STRATEGIES, "w", Duration.ofMillis(10));
    StepGate gate = new StepGate(new int[] {1, 1, 1, 1}, step -> { });
    blocks.connect(null, null, gate, Optional.empty());
    gate.start();
    gate.arrive(0);
    for (int i = 0; i < 4; i++) {
      assertThat(blocks.running(0)).as("the warm-up runs until its 5th insert").isTrue();
      blocks.record(0, ok());
    }
    blocks.record(0, ok());
    assertThat(blocks.running(0)).isFalse();
    gate.userDone(0);
    gate.arrive(1);
    gate.userDone(1);
    gate.arrive(2);
    assertThat(gate.isOpen(2)).isTrue();
    assertThat(s.step(2).warmup()).isFalse();
    long opened = System.nanoTime();
    long inserts = 0;
    while (blocks.running(2)) {
      blocks.record(2, ok());
      inserts++;
      assertThat(System.nanoTime() - opened).as("a block ends on time").isLessThan(Duration.ofSeconds(10).toNanos());
    }
    assertThat(System.nanoTime() - gate.openedAtNanos(2)).isGreaterThanOrEqualTo(Duration.ofMillis(30).toNanos());
    assertThat(inserts).as("as many inserts as the time allowed").isPositive();
    assertThat(blocks.warmups()).hasSize(2);
    assertThat(blocks.warmups().get(0).inserts()).isEqualTo(5);
    assertThat(blocks.warmups().get(0).reason()).isEqualTo("5 of 5 inserts");
  }

  private static Outcome ok() {
    return new Outcome(0, 0, 0, 100_000, 1, null, null);
  }
}

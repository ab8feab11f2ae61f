package io.sequela.seqorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.design.WarmupRule;
import io.sequela.load.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A warm-up in one part or two: the rule, met in the first of two parts, ends that part and counts again in the next. */
class WarmupTrackerTest {

  private static void inserts(WarmupTracker w, int n) {
    for (int i = 0; i < n; i++) {
      w.record(new Outcome(0, 0, 0, 200_000, 1, null, null));
    }
  }

  @Test
  void inTwoPartsTheRuleMetEndsThePartAndTheNextPartMeetsItAgain() {
    WarmupTracker w = new WarmupTracker(WarmupRule.inserts(100), Duration.ofSeconds(60), 2);
    w.start();
    inserts(w, 99);
    assertThat(w.done()).isFalse();
    inserts(w, 60); // the rule is asked every 50 inserts (or 100 ms)
    assertThat(w.done()).as("met in the first part: that part's users stop").isTrue();
    assertThat(w.done()).as("and it stays so until the next part").isTrue();
    assertThat(w.summary("NOORDER").stable()).as("the warm-up itself has not ended").isFalse();
    w.start();
    inserts(w, 99);
    assertThat(w.done()).as("the rule counts again from the second part's start").isFalse();
    inserts(w, 60);
    assertThat(w.done()).isTrue();
    assertThat(w.summary("NOORDER").stable()).isTrue();
    assertThat(w.summary("NOORDER").inserts()).isEqualTo(318);
    assertThat(w.summary("NOORDER").okInserts()).as("OK inserts of both parts").isEqualTo(318);
  }

  @Test
  void inOnePartTheRuleMetEndsIt() {
    WarmupTracker w = new WarmupTracker(WarmupRule.inserts(100), Duration.ofSeconds(60));
    w.start();
    inserts(w, 100);
    assertThat(w.done()).isTrue();
    assertThat(w.summary("NOORDER").stable()).isTrue();
  }

  @Test
  void aFirstPartStoppedByTheCapEndsTheWholeWarmUp() throws InterruptedException {
    WarmupTracker w = new WarmupTracker(WarmupRule.inserts(1_000_000), Duration.ofMillis(1), 2);
    w.start();
    inserts(w, 10);
    Thread.sleep(5);
    assertThat(w.done()).isTrue();
    w.start();
    assertThat(w.done()).as("the second part has nothing left to do").isTrue();
    assertThat(w.summary("NOORDER").reason()).startsWith("stopped at the cap");
  }

  @Test
  void partsAreOneOrTwo() {
    assertThatThrownBy(() -> new WarmupTracker(WarmupRule.inserts(1), Duration.ofSeconds(1), 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parts");
  }

  @Test
  void aSettledInsertEndsItsPartsLoopLimitOnceThatPartIsOver() {
    WarmupTracker w = new WarmupTracker(WarmupRule.inserts(100), Duration.ofSeconds(60), 2);
    LoopLimit part1 = LoopLimit.untilEnded();
    LoopLimit part2 = LoopLimit.untilEnded();
    w.start();
    for (int i = 0; i < 99; i++) {
      w.settle(new Outcome(0, 0, 0, 200_000, 1, null, null), part1);
    }
    assertThat(part1.get()).as("the rule not met: the users go on").isEqualTo(Integer.MAX_VALUE);
    for (int i = 0; i < 60 && part1.get() > 0; i++) {
      w.settle(new Outcome(0, 0, 0, 200_000, 1, null, null), part1);
    }
    assertThat(part1.get()).as("the rule met: the first part's users stop").isZero();
    w.start();
    w.settle(new Outcome(0, 0, 0, 200_000, 1, null, null), part2);
    assertThat(part2.get()).as("the second part counts afresh").isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void aLoopLimitIsABlocksIterationsOrAWarmUpsUntilEnded() {
    assertThat(LoopLimit.fixed(25_000).get()).isEqualTo(25_000);
    assertThatThrownBy(() -> LoopLimit.fixed(-1)).hasMessageContaining("iterations must be >= 0");
    LoopLimit warmup = LoopLimit.untilEnded();
    warmup.end();
    assertThat(warmup.get()).isZero();
  }

  @Test
  void aSecondPartAfterTheCapEndedTheWarmUpHasItsLimitEndedBeforeAnyInsert() throws InterruptedException {
    WarmupTracker w = new WarmupTracker(WarmupRule.inserts(1_000_000), Duration.ofMillis(1), 2);
    LoopLimit part1 = LoopLimit.untilEnded();
    LoopLimit part2 = LoopLimit.untilEnded();
    w.startPart(part1);
    assertThat(part1.get()).as("a part that has just started goes on").isEqualTo(Integer.MAX_VALUE);
    Thread.sleep(5);
    w.settle(new Outcome(0, 0, 0, 200_000, 1, null, null), part1);
    assertThat(part1.get()).as("stopped by the cap").isZero();
    w.startPart(part2);
    assertThat(part2.get()).as("the warm-up is over: no user of the second part inserts").isZero();
  }
}

package io.sequela.seqorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.design.WarmupRule;
import io.sequela.load.Outcome;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A warm-up with a renewal: the rule, once met, renews once and must then be met again on its own inserts. */
class WarmupTrackerTest {

  private static void inserts(WarmupTracker w, int n) {
    for (int i = 0; i < n; i++) {
      w.record(new Outcome(0, 0, 0, 200_000, 1, null, null));
    }
  }

  @Test
  void theRuleMetOnceRenewsAndStartsOverThenEnds() {
    AtomicInteger renewals = new AtomicInteger();
    WarmupTracker w = new WarmupTracker(WarmupRule.inserts(100), Duration.ofSeconds(60), renewals::incrementAndGet);
    w.start();
    inserts(w, 99);
    assertThat(w.done()).isFalse();
    inserts(w, 60); // the rule is asked every 50 inserts (or 100 ms)
    assertThat(w.done()).as("met the first time: renews instead of ending").isFalse();
    assertThat(renewals.get()).isEqualTo(1);
    inserts(w, 99);
    assertThat(w.done()).as("the rule counts again from the renewal").isFalse();
    inserts(w, 60);
    assertThat(w.done()).isTrue();
    assertThat(w.done()).isTrue();
    assertThat(renewals.get()).as("renewed once").isEqualTo(1);
    assertThat(w.summary("NOORDER").inserts()).isEqualTo(318);
    assertThat(w.summary("NOORDER").okInserts()).as("OK inserts before and after the renewal").isEqualTo(318);
  }

  @Test
  void withoutARenewalTheRuleMetEndsIt() {
    WarmupTracker w = new WarmupTracker(WarmupRule.inserts(100), Duration.ofSeconds(60));
    w.start();
    inserts(w, 100);
    assertThat(w.done()).isTrue();
  }
}

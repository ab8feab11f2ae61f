package io.sequela.seqorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.gaps.StageStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The stage sequence: open stage k, its users, finish it, open k + 1; a stage that cannot open stops the run. */
class StageSequenceTest {

  private final List<String> calls = new ArrayList<>();
  private final AtomicInteger stops = new AtomicInteger();

  private StageSequence sequence(int failingStage, int... users) {
    StageSequence s = new StageSequence(users, new StageSequence.Steps() {
      @Override
      public void open(int k) {
        if (k == failingStage) {
          throw new IllegalStateException("stage " + k + " refused");
        }
        calls.add("open " + k);
      }

      @Override
      public void finish(int k) {
        calls.add("finish " + k);
      }
    }, stops::incrementAndGet);
    return s;
  }

  @Test
  void theLastUserOfAStageFinishesItAndOpensTheNext() {
    StageSequence s = sequence(-1, 2, 1);
    s.open(0);
    s.userDone(0);
    assertThat(calls).containsExactly("open 0");
    s.userDone(0);
    s.userDone(1);
    assertThat(calls).containsExactly("open 0", "finish 0", "open 1", "finish 1");
    assertThat(s.state(0)).isEqualTo(StageStatus.State.RAN);
    assertThat(s.state(1)).isEqualTo(StageStatus.State.RAN);
    assertThat(s.reason(1)).isNull();
    assertThat(s.isStopped()).isFalse();
    assertThat(stops).hasValue(0);
  }

  @Test
  void aStageThatCannotOpenStopsTheRunOnceAndNoLaterStageOpens() {
    StageSequence s = sequence(1, 1, 1, 1);
    s.open(0);
    s.userDone(0);
    assertThat(calls).containsExactly("open 0", "finish 0");
    assertThat(s.stopReason()).contains("stage 1 refused");
    assertThat(stops).hasValue(1);
    assertThat(s.state(0)).isEqualTo(StageStatus.State.RAN);
    assertThat(s.state(1)).isEqualTo(StageStatus.State.NOT_RUN);
    assertThat(s.reason(1)).isEqualTo("stage 1 refused");
    assertThat(s.reason(2)).isEqualTo("the run stopped before it: stage 1 refused");
    assertThatThrownBy(() -> s.open(2)).isInstanceOf(IllegalStateException.class);
    assertThat(s.stop("again")).isFalse();
    assertThat(stops).hasValue(1);
  }

  @Test
  void aStopDuringAStageCutsItShortAndItsLastUserOpensNothing() {
    StageSequence s = sequence(-1, 1, 1);
    s.open(0);
    assertThat(s.stop("node 1 is dead")).isTrue();
    s.userDone(0);
    assertThat(calls).containsExactly("open 0", "finish 0");
    assertThat(s.state(0)).isEqualTo(StageStatus.State.CUT_SHORT);
    assertThat(s.reason(0)).isEqualTo("the run stopped: node 1 is dead");
    assertThat(s.state(1)).isEqualTo(StageStatus.State.NOT_RUN);
  }

  @Test
  void aFirstStageThatCannotOpenIsThrownToTheCallerWithoutStoppingAnything() {
    StageSequence s = sequence(0, 1);
    assertThatThrownBy(() -> s.open(0)).hasMessage("stage 0 refused");
    assertThat(s.isStopped()).isFalse();
    assertThat(s.state(0)).isEqualTo(StageStatus.State.NOT_RUN);
  }
}

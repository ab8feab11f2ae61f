package io.sequela.seqorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.config.Pacing;
import io.sequela.config.ScenarioSpec;
import io.sequela.config.TestSpec;
import io.sequela.config.SequenceMode;
import io.sequela.config.TargetSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageTest {

  private static ScenarioSpec node(int n, int iterations, long intervalMs, int users) {
    return new ScenarioSpec(n, iterations, Duration.ofMillis(intervalMs), users, TargetSpec.parse("embedded", null, null));
  }

  private final Stage stage = new Stage(1, new TestSpec("70_30", "", List.of(node(1, 1000, 1000, 2), node(2, 300, 5000, 1)),
      List.of(SequenceMode.ORDER, SequenceMode.NOORDER), 100, Pacing.DELAY), SequenceMode.NOORDER);

  @Test
  void requestNameShowsTestModeAndNode() {
    assertThat(stage.requestName(stage.test().scenarii().get(1))).isEqualTo("70_30 NOORDER node 2");
  }

  @Test
  void usersAreCountedOverAllNodes() {
    assertThat(stage.users()).isEqualTo(3);
  }

  @Test
  void plannedDurationIsTheSlowestNodesIterationsTimesIntervalPlusAllowance() {
    // node 1: 1000 x 1.020 s = 1020 s; node 2: 300 x 5.020 s = 1506 s
    assertThat(stage.plannedDuration()).isEqualTo(Duration.ofMillis(1_506_000));
    Stage burst = new Stage(0, new TestSpec("burst", "", List.of(node(1, 50_000, 0, 4)), List.of(SequenceMode.ORDER), 100,
        Pacing.DELAY), SequenceMode.ORDER);
    assertThat(burst.plannedDuration()).isEqualTo(Duration.ofSeconds(1000));
  }
}

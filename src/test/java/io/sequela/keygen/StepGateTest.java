package io.sequela.keygen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepGateTest {

  @Test
  void theLastUserOfAStepOpensTheNextAndAStepWithoutUsersPassesAtOnce() {
    List<Integer> prepared = new ArrayList<>();
    // an injector driving no user of steps 1 and 3 (other injectors drive their tests)
    StepGate gate = new StepGate(new int[] {2, 0, 1, 0}, prepared::add);

    gate.start();
    assertThat(prepared).containsExactly(0);
    assertThat(gate.isOpen(0)).isTrue();
    assertThat(gate.isOpen(1)).isFalse();

    gate.userDone(0);
    assertThat(gate.isOpen(1)).isFalse();
    gate.userDone(0);
    assertThat(prepared).containsExactly(0, 1, 2);
    assertThat(gate.isOpen(2)).isTrue();
    assertThat(gate.closedAtMs(1)).isPositive();
    assertThat(gate.isOpen(3)).isFalse();

    gate.userDone(2);
    assertThat(prepared).containsExactly(0, 1, 2, 3);
    assertThat(gate.closedAtMs(3)).isPositive();
  }

  @Test
  void aFirstStepWithoutUsersOpensTheSecondAtStart() {
    List<Integer> prepared = new ArrayList<>();
    StepGate gate = new StepGate(new int[] {0, 3}, prepared::add);
    gate.start();
    assertThat(prepared).containsExactly(0, 1);
    assertThat(gate.isOpen(1)).isTrue();
  }
}

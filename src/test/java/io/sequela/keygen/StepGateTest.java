package io.sequela.keygen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepGateTest {

  @Test
  void theLastUserOfAStepPreparesTheNextAndAStepWithoutUsersPassesAtOnce() {
    List<Integer> prepared = new ArrayList<>();
    // an injector driving no user of steps 1 and 3 (other injectors drive their tests)
    StepGate gate = new StepGate(new int[] {2, 0, 1, 0}, prepared::add);

    gate.start();
    gate.arrive(0);
    gate.arrive(0);
    assertThat(prepared).containsExactly(0);
    assertThat(gate.isOpen(0)).isTrue();
    assertThat(gate.isOpen(1)).isFalse();

    gate.userDone(0);
    assertThat(gate.isOpen(1)).isFalse();
    gate.arrive(2);
    gate.userDone(0);
    assertThat(prepared).containsExactly(0, 1, 2);
    assertThat(gate.isOpen(2)).as("prepared, and its one user had arrived").isTrue();
    assertThat(gate.closedAtMs(1)).isPositive();
    assertThat(gate.isOpen(3)).isFalse();

    gate.userDone(2);
    assertThat(prepared).containsExactly(0, 1, 2, 3);
    assertThat(gate.closedAtMs(3)).isPositive();
  }

  @Test
  void aFirstStepWithoutUsersPassesAtStartAndTheSecondWaitsForItsUsers() {
    List<Integer> prepared = new ArrayList<>();
    StepGate gate = new StepGate(new int[] {0, 3}, prepared::add);
    gate.start();
    assertThat(prepared).containsExactly(0, 1);
    gate.arrive(1);
    gate.arrive(1);
    assertThat(gate.isOpen(1)).isFalse();
    gate.arrive(1);
    assertThat(gate.isOpen(1)).isTrue();
  }

  /**
   * The first step is prepared in Gatling's before(), while no user runs yet: it must not open (and a measured block's
   * time must not start) before its last user has started. Opened at once, a first block of 300 ms passed before the
   * users' first inserts on a loaded machine: no insert, no p99 for its strategy, its inserts/s dragged down (issue 24).
   */
  @Test
  void theFirstStepOpensWhenItsLastUserArrivesNotWhenItIsPrepared() throws Exception {
    StepGate gate = new StepGate(new int[] {3, 3}, k -> { });
    gate.start();
    assertThat(gate.isOpen(0)).as("prepared, no user yet").isFalse();
    assertThat(gate.openedAtNanos(0)).isZero();
    gate.arrive(0);
    gate.arrive(0);
    assertThat(gate.isOpen(0)).as("one user still starting").isFalse();
    long beforeLast = System.nanoTime();
    gate.arrive(0);
    assertThat(gate.isOpen(0)).isTrue();
    assertThat(gate.openedAtNanos(0)).as("the block's time starts with its last user").isGreaterThanOrEqualTo(beforeLast);
  }
}

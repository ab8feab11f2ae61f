package io.sequela.seqorder;

import io.sequela.config.ScenarioSpec;
import io.sequela.config.TestSpec;
import io.sequela.config.SequenceMode;
import io.sequela.config.StageNode;
import java.time.Duration;

/**
 * One test run in one sequence mode: all the test's scenarios at once. Stages run one after another.
 *
 * @param index position in the run, from 0
 * @param test the test
 * @param mode the sequence mode of this stage
 */
public record Stage(int index, TestSpec test, SequenceMode mode) {

  /** A node of this stage: its request names and histogram tags. */
  public StageNode node(ScenarioSpec node) {
    return new StageNode(test.name(), mode, node.nodeNumber());
  }

  /** Gatling request name of a node's inserts in this stage, e.g. {@code 70_30_ratio ORDER node 1}. */
  public String requestName(ScenarioSpec node) {
    return node(node).requestName();
  }

  /**
   * Gatling request name of a node's commits in this stage (commit policy other than each), e.g.
   * {@code 70_30_ratio ORDER node 1 commit}: timed apart from the inserts and not counted as one.
   */
  public String commitRequestName(ScenarioSpec node) {
    return node(node).commitRequestName();
  }

  /** Time allowed per insert on top of its interval when bounding a stage's duration (20 ms). */
  static final Duration INSERT_ALLOWANCE = Duration.ofMillis(20);

  /**
   * How long the stage should take: its slowest node's iterations x (interval + {@link #INSERT_ALLOWANCE});
   * users of one node run in parallel.
   */
  public Duration plannedDuration() {
    return test.scenarii().stream()
        .map(n -> n.interval().plus(INSERT_ALLOWANCE).multipliedBy(n.iterations()))
        .max(Duration::compareTo).orElse(Duration.ZERO);
  }

  /** Virtual users of all nodes in this stage. */
  public int users() {
    return test.scenarii().stream().mapToInt(ScenarioSpec::users).sum();
  }
}

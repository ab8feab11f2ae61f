package io.sequela.simulation;

import io.sequela.config.ScenarioSpec;
import io.sequela.config.TestSpec;
import io.sequela.db.SequenceMode;

/**
 * One test run in one sequence mode: all the test's scenarios at once. Stages run one after another.
 *
 * @param index position in the run, from 0
 * @param test the test
 * @param mode the sequence mode of this stage
 */
public record Stage(int index, TestSpec test, SequenceMode mode) {

  /** Gatling request name of a node's inserts in this stage, e.g. {@code 70_30_ratio ORDER node 1}. */
  public String requestName(ScenarioSpec node) {
    return test.name() + " " + mode + " node " + node.nodeNumber();
  }

  /** Virtual users of all nodes in this stage. */
  public int users() {
    return test.scenarii().stream().mapToInt(ScenarioSpec::users).sum();
  }
}

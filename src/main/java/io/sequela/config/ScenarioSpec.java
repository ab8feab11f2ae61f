package io.sequela.config;

import java.time.Duration;

/**
 * One node's share of a test: {@code users} virtual users, each doing {@code iterations} inserts.
 *
 * @param nodeNumber the node (RAC instance) number, positive, unique within a test
 * @param iterations inserts per user, positive
 * @param interval time between two inserts of one user (see {@link Pacing}), zero or more
 * @param users concurrent virtual users on this node, positive
 * @param target where the node connects (password masked in toString)
 */
public record ScenarioSpec(int nodeNumber, int iterations, Duration interval, int users, TargetSpec target) {

  /** Inserts this node is planned to make: iterations x users. */
  public long plannedInserts() {
    return (long) iterations * users;
  }

  /** The same scenario pointed at another target (for {@code -Dsequela.target}). */
  public ScenarioSpec withTarget(TargetSpec t) {
    return new ScenarioSpec(nodeNumber, iterations, interval, users, t);
  }
}

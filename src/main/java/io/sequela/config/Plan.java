package io.sequela.config;

import java.util.List;

/**
 * A validated sequela test plan (see {@link PlanLoader} for the JSON format). Immutable.
 *
 * @param source where the plan came from (file path or classpath resource), for messages
 * @param tests the tests, in run order, at least one
 */
public record Plan(String source, List<TestSpec> tests) {

  public Plan {
    tests = List.copyOf(tests);
  }

  /** The same plan with every node's connection replaced by {@code target} ({@code -Dsequela.target}). */
  public Plan withTarget(TargetSpec target) {
    return new Plan(source, tests.stream()
        .map(t -> t.withScenarii(t.scenarii().stream().map(s -> s.withTarget(target)).toList()))
        .toList());
  }
}

package io.sequela.nightly;

import io.sequela.assertions.Check;
import io.sequela.config.Limits;
import io.sequela.history.Metric;
import java.util.List;

/**
 * One test's share of a run, as the nightly checks take it: one history row, one set of checks.
 *
 * @param test the history file's test name (SeqOrder's test_name, KeyGen's plan, {@code querybench})
 * @param limits the test's limits ({@code regression_pct_max} is read here; the others are in {@code checks})
 * @param metrics the headline figures, in column order
 * @param checks the checks against absolute limits and the reconciliation, already made
 * @param cutShort true when the run stopped before every planned request was made
 */
public record TestResult(String test, Limits limits, List<Metric> metrics, List<Check> checks, boolean cutShort) {

  public TestResult {
    metrics = List.copyOf(metrics);
    checks = List.copyOf(checks);
  }
}

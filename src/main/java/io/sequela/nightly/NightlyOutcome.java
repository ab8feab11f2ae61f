package io.sequela.nightly;

import io.sequela.assertions.Checks;
import io.sequela.history.TestTrend;
import java.util.List;

/**
 * What a run's nightly checks found.
 *
 * @param run what identifies the run
 * @param checks every check of the run (one JUnit testsuite)
 * @param status the run's history status: passed, failed, cut_short or interrupted
 * @param trends per test, what the trend page shows
 */
public record NightlyOutcome(RunIdentity run, Checks checks, String status, List<TestTrend> trends) {

  /** Exit status of a run with a failed check: Gatling's own for failed assertions, so Maven ends in BUILD FAILURE. */
  public static final int CHECK_FAILED = 2;

  public NightlyOutcome {
    trends = List.copyOf(trends);
  }

  /** {@link #CHECK_FAILED} when a check failed, else 0. */
  public int exitCode() {
    return checks.passed() ? 0 : CHECK_FAILED;
  }

  /** The console's closing lines: {@code sequela: FAILED <check>: <message>} per failed check, or one line when none failed. */
  public String closingLines() {
    if (checks.passed()) {
      return "sequela: every check passed (" + checks.checks().size() + ", " + status + ")" + System.lineSeparator();
    }
    StringBuilder b = new StringBuilder("sequela: " + checks.failures().size() + " check(s) failed:" + System.lineSeparator());
    checks.failures().forEach(c -> b.append("sequela: FAILED ").append(c.name()).append(": ").append(c.message())
        .append(System.lineSeparator()));
    return b.toString();
  }
}

package io.sequela.assertions;

import io.sequela.config.Limit;

/**
 * The outcome of one check in one scope, e.g. {@code 70_30_ratio ORDER node 1: p99_us <= 5000}: one JUnit
 * testcase of {@code sequela-assertions.xml}.
 *
 * @param scope what was checked, e.g. {@code 70_30_ratio ORDER node 1}
 * @param rule the rule, e.g. {@code p99_us <= 5000}
 * @param status passed, failed, or skipped (could not be evaluated; never fails a run)
 * @param message for a failure the actual value against the rule ({@code p99_us 6120 > 5000}); for a skip
 *     the reason; for a pass the actual value or a remark (an improvement), possibly empty
 */
public record Check(String scope, String rule, Status status, String message) {

  /** How a check ended. */
  public enum Status { PASSED, FAILED, SKIPPED }

  /** The testcase name: {@code <scope>: <rule>}. */
  public String name() {
    return scope + ": " + rule;
  }

  /** True for a failed check. */
  public boolean failed() {
    return status == Status.FAILED;
  }

  /**
   * A figure against a limit: at most the limit for a {@code _max} limit, at least it for a {@code _min}.
   *
   * @param scope what was measured
   * @param limit which limit
   * @param value the limit's value, in the figure's unit
   * @param actual the measured figure, or null when it was not measured (no OK request to time, a database gone
   *     before the run's rows were counted; never -1 or 0 in its place): then the check is
   *     skipped and says so, and the KO or error limits judge the failed requests
   */
  public static Check bound(String scope, Limit limit, double value, Double actual) {
    String rule = limit.figure() + (limit.upper() ? " <= " : " >= ") + Checks.number(value);
    if (actual == null) {
      return new Check(scope, rule, Status.SKIPPED, limit.figure() + " was not measured (no OK request, or the database "
          + "was gone before it could be counted)");
    }
    boolean ok = limit.upper() ? actual <= value : actual >= value;
    String actualText = Checks.number(actual);
    return ok ? new Check(scope, rule, Status.PASSED, limit.figure() + " " + actualText)
        : new Check(scope, rule, Status.FAILED,
            limit.figure() + " " + actualText + (limit.upper() ? " > " : " < ") + Checks.number(value));
  }

  /** A check that could not be evaluated, with the reason; it never fails a run. */
  public static Check skipped(String scope, String rule, String reason) {
    return new Check(scope, rule, Status.SKIPPED, reason);
  }

  /** A passed check with a remark. */
  public static Check passed(String scope, String rule, String remark) {
    return new Check(scope, rule, Status.PASSED, remark);
  }

  /** A failed check with the actual value against the rule. */
  public static Check failed(String scope, String rule, String message) {
    return new Check(scope, rule, Status.FAILED, message);
  }
}

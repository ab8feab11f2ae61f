package io.sequela.assertions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks of one simulation run: one JUnit testsuite. Immutable.
 *
 * @param suite the simulation's name, e.g. {@code SeqOrderSimulation}
 * @param checks every check, in the order they were made
 */
public record Checks(String suite, List<Check> checks) {

  public Checks {
    checks = List.copyOf(checks);
  }

  /** The failed checks, in order. */
  public List<Check> failures() {
    return checks.stream().filter(Check::failed).toList();
  }

  /** True when no check failed. */
  public boolean passed() {
    return failures().isEmpty();
  }

  /** These checks followed by {@code more}. */
  public Checks plus(List<Check> more) {
    List<Check> all = new ArrayList<>(checks);
    all.addAll(more);
    return new Checks(suite, all);
  }

  /**
   * The console's closing lines: a count, then one line per failed check ({@code FAILED <name>: <message>}),
   * then one per skipped check.
   */
  public String summary() {
    StringBuilder b = new StringBuilder();
    long skipped = checks.stream().filter(c -> c.status() == Check.Status.SKIPPED).count();
    b.append(String.format(Locale.ROOT, "sequela checks: %d passed, %d failed, %d skipped%n",
        checks.size() - failures().size() - skipped, failures().size(), skipped));
    for (Check c : failures()) {
      b.append("  FAILED ").append(c.name()).append(": ").append(c.message()).append(System.lineSeparator());
    }
    for (Check c : checks) {
      if (c.status() == Check.Status.SKIPPED) {
        b.append("  skipped ").append(c.name()).append(": ").append(c.message()).append(System.lineSeparator());
      }
    }
    return b.toString();
  }

  /**
   * A figure as check names and messages show it: whole numbers without decimals, others to 3 decimals (3
   * significant digits below 1, so a limit of 0.001 ms stays 0.001), trailing zeros dropped.
   */
  public static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    BigDecimal b = BigDecimal.valueOf(v);
    b = Math.abs(v) >= 1 ? b.setScale(3, RoundingMode.HALF_UP) : b.round(new MathContext(3, RoundingMode.HALF_UP));
    return b.stripTrailingZeros().toPlainString();
  }
}

package io.sequela.nightly;

import io.sequela.assertions.Check;
import io.sequela.assertions.Checks;
import io.sequela.history.Baseline;
import io.sequela.history.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The regression gate's verdicts as checks: one failed check per regression, a passed one per steady figure or
 * improvement (the improvement said in its message), and a single skipped check for the test when there is no
 * usable baseline (too few runs is said, not failed). Nothing when {@code regression_pct_max} is not set.
 */
final class RegressionChecks {

  private RegressionChecks() {}

  static List<Check> of(String test, String spec, Baseline baseline, List<Verdict> verdicts, OptionalDouble pct) {
    if (pct.isEmpty()) {
      return List.of();
    }
    String limit = Checks.number(pct.getAsDouble());
    if (!baseline.usable()) {
      return List.of(Check.skipped(test, "no regression beyond " + limit + " % against " + spec, baseline.missing()));
    }
    List<Check> out = new ArrayList<>();
    for (Verdict v : verdicts) {
      String rule = v.metric().figure() + " within " + limit + " % of the baseline";
      String scope = v.metric().scope();
      switch (v.kind()) {
        case REGRESSION -> out.add(Check.failed(scope, rule, describe(v, baseline) + ", outside its noise band "
            + band(v)));
        case IMPROVEMENT -> out.add(Check.passed(scope, rule, "improvement: " + describe(v, baseline)));
        case STEADY -> out.add(Check.passed(scope, rule, describe(v, baseline)));
        case NOT_MEASURED -> out.add(Check.skipped(scope, rule, v.metric().figure() + " was not measured in this run"));
        case NO_BASELINE -> out.add(Check.skipped(scope, rule, "no baseline value of " + v.metric().figure()));
        case NOT_GATED -> { }
      }
    }
    return out;
  }

  private static String describe(Verdict v, Baseline baseline) {
    double w = v.worsePct();
    return v.metric().figure() + " " + Checks.number(v.metric().value()) + " against the baseline "
        + Checks.number(v.band().median()) + " (" + baseline.description() + "): " + Nightly.pct(Math.abs(w))
        + (w >= 0 ? " worse" : " better");
  }

  private static String band(Verdict v) {
    return Checks.number(v.band().low()) + ".." + Checks.number(v.band().high());
  }
}

package io.sequela.nightly;

import io.sequela.stats.StrategyFigures;
import io.sequela.assertions.Check;
import io.sequela.config.Limit;
import io.sequela.config.Limits;
import io.sequela.config.KeyGenPlan;
import io.sequela.history.Direction;
import io.sequela.history.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * A KeyGenSimulation run as the nightly checks take it: one history test named after the plan, figures and checks
 * per strategy. Checks: rows = OK inserts (planned minus KO), always; {@code ko_max}, {@code duplicates_max},
 * {@code p99_us_max}, {@code inserts_per_s_min}, on the figures over the rounds (medians; p99 in µs from
 * the lean action's ns timing), rows and OK over all rounds. One history row holds every strategy, so the
 * regression gate takes one {@code regression_pct_max}: the smallest set for any strategy.
 */
public final class KeyGenNightly {

  private KeyGenNightly() {}

  /** The history test name of a plan: its file name without extension, e.g. {@code keygen-default}. */
  public static String testName(KeyGenPlan plan) {
    String s = plan.source().replaceAll("\\.[A-Za-z]+$", "");
    return s.replaceAll("[^A-Za-z0-9_.\\-]", "_");
  }

  /**
   * The run's figures and checks.
   *
   * @param plan the plan, with its limits per strategy
   * @param figures per strategy, in run order
   */
  public static TestResult of(KeyGenPlan plan, List<StrategyFigures> figures) {
    String test = testName(plan);
    List<Metric> metrics = new ArrayList<>();
    List<Check> checks = new ArrayList<>();
    boolean cutShort = false;
    double pct = Double.POSITIVE_INFINITY;
    for (StrategyFigures f : figures) {
      Limits limits = plan.assertions(f.name());
      pct = Math.min(pct, limits.get(Limit.REGRESSION_PCT_MAX).orElse(Double.POSITIVE_INFINITY));
      String scope = test + " " + f.name();
      long planned = plan.plannedInserts() * f.rounds();
      cutShort |= f.ok() + f.ko() < planned;
      long expected = planned - f.ko();
      checks.add(f.rows() == expected
          ? Check.passed(scope, "rows = OK", "rows " + f.rows() + ", KO " + f.ko() + ", planned " + planned)
          : Check.failed(scope, "rows = OK", "rows " + f.rows() + " != OK " + expected + " (planned "
              + planned + " minus KO " + f.ko() + ")"));
      Double p50 = f.p50Us() == null ? null : f.p50Us().doubleValue();
      Double p99 = f.p99Us() == null ? null : f.p99Us().doubleValue();
      metrics.add(metric(f.name(), "rows", scope, Direction.NONE, (double) f.rows()));
      metrics.add(metric(f.name(), "ko", scope, Direction.NONE, (double) f.ko()));
      metrics.add(metric(f.name(), "duplicates", scope, Direction.NONE, (double) f.duplicates()));
      metrics.add(metric(f.name(), "inserts_per_s", scope, Direction.HIGHER_IS_BETTER, f.insertsPerS()));
      metrics.add(metric(f.name(), "p50_us", scope, Direction.LOWER_IS_BETTER, p50));
      metrics.add(metric(f.name(), "p99_us", scope, Direction.LOWER_IS_BETTER, p99));
      bound(checks, limits, Limit.KO_MAX, scope, (double) f.ko());
      bound(checks, limits, Limit.DUPLICATES_MAX, scope, (double) f.duplicates());
      bound(checks, limits, Limit.P99_US_MAX, scope, p99);
      bound(checks, limits, Limit.INSERTS_PER_S_MIN, scope, f.insertsPerS());
    }
    Limits gate = Double.isInfinite(pct) ? Limits.NONE : new Limits(java.util.Map.of(Limit.REGRESSION_PCT_MAX, pct));
    return new TestResult(test, gate, metrics, checks, cutShort);
  }

  private static void bound(List<Check> checks, Limits limits, Limit limit, String scope, Double actual) {
    limits.get(limit).ifPresent(v -> checks.add(Check.bound(scope, limit, v, actual)));
  }

  private static Metric metric(String strategy, String figure, String scope, Direction d, Double value) {
    return new Metric(Metric.column(strategy, figure), scope, figure, d, value);
  }
}

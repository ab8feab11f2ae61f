package io.sequela.nightly;

import io.sequela.stats.KeyGenFigures;
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
 * per strategy, on the same figures the page shows ({@link KeyGenFigures}, computed once by the run's analysis).
 * Checks: rows = OK inserts, always (a block is a duration, so there is no planned count: every OK insert must be a
 * row and no KO one); {@code ko_max}, {@code duplicates_max}, {@code p99_us_max} (median over the blocks, µs from the
 * lean action's ns timing), {@code inserts_per_s_min} (the mean over the blocks), rows and OK over all blocks. A run
 * is cut short when a strategy has fewer finished blocks than the plan's {@code blocks}. One history row holds every
 * strategy and carries the design's stamp, so a baseline never mixes designs; the regression gate takes one
 * {@code regression_pct_max}: the smallest set for any strategy.
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
   * @param run the run's figures, as the analysis computed them
   */
  public static TestResult of(KeyGenPlan plan, KeyGenFigures run) {
    List<StrategyFigures> figures = run.strategies();
    String test = testName(plan);
    List<Metric> metrics = new ArrayList<>();
    List<Check> checks = new ArrayList<>();
    boolean cutShort = false;
    double pct = Double.POSITIVE_INFINITY;
    for (StrategyFigures f : figures) {
      Limits limits = plan.assertions(f.name());
      pct = Math.min(pct, limits.get(Limit.REGRESSION_PCT_MAX).orElse(Double.POSITIVE_INFINITY));
      String scope = test + " " + f.name();
      cutShort |= f.blocks() < plan.blocks();
      checks.add(f.rows() == f.ok()
          ? Check.passed(scope, "rows = OK", "rows " + f.rows() + ", KO " + f.ko() + ", " + f.blocks() + " blocks")
          : Check.failed(scope, "rows = OK", "rows " + f.rows() + " != OK " + f.ok() + " (KO " + f.ko() + ", "
              + f.blocks() + " blocks)"));
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
    cutShort |= figures.size() < plan.strategies().size();
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

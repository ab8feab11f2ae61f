package io.sequela.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the trend page shows for one test: the last runs of the same plan and target, this run last, and how
 * this run's figures compare with the baseline. Runs of another experiment design stay in the trend (marked on the
 * page, {@link #otherDesign}); the baseline never takes them ({@link RunRecord#comparableTo}).
 *
 * @param test the test's name
 * @param runs at most {@link #MAX_RUNS} runs, oldest first, this run last
 * @param metrics this run's figures, in column order
 * @param verdicts column to this run's verdict (figures with a direction only)
 * @param baseline the baseline this run was compared with
 * @param regressionPctMax the gate's threshold ({@code regression_pct_max}, percent), or null when the test sets none
 */
public record TestTrend(String test, List<RunRecord> runs, List<Metric> metrics, Map<String, Verdict> verdicts,
    Baseline baseline, Double regressionPctMax) {

  /** Runs a trend page shows per test. */
  public static final int MAX_RUNS = 30;

  public TestTrend {
    runs = List.copyOf(runs);
    metrics = List.copyOf(metrics);
    verdicts = Map.copyOf(verdicts);
  }

  /** A trend without a gate threshold. */
  public TestTrend(String test, List<RunRecord> runs, List<Metric> metrics, Map<String, Verdict> verdicts,
      Baseline baseline) {
    this(test, runs, metrics, verdicts, baseline, null);
  }

  /**
   * The trend of a test, without a gate threshold.
   *
   * @param earlier the history before this run, oldest first
   * @param current this run
   */
  public static TestTrend of(String test, List<RunRecord> earlier, RunRecord current, List<Metric> metrics,
      List<Verdict> verdicts, Baseline baseline) {
    return of(test, earlier, current, metrics, verdicts, baseline, null);
  }

  /**
   * The trend of a test: the earlier runs of the same plan hash and target (of any design), this run last.
   *
   * @param earlier the history before this run, oldest first
   * @param current this run
   * @param regressionPctMax the gate's threshold in percent, or null when none is set
   */
  public static TestTrend of(String test, List<RunRecord> earlier, RunRecord current, List<Metric> metrics,
      List<Verdict> verdicts, Baseline baseline, Double regressionPctMax) {
    List<RunRecord> same = new ArrayList<>(earlier.stream()
        .filter(r -> r.planHash().equals(current.planHash()) && r.target().equals(current.target())).toList());
    same.add(current);
    List<RunRecord> last = same.subList(Math.max(0, same.size() - MAX_RUNS), same.size());
    return new TestTrend(test, last, metrics,
        verdicts.stream().collect(Collectors.toMap(v -> v.metric().column(), v -> v)), baseline, regressionPctMax);
  }

  /** This run: the last of {@link #runs}. */
  public RunRecord current() {
    return runs.get(runs.size() - 1);
  }

  /** True when a run of the trend ran another experiment design than this run (its figures compare loosely). */
  public boolean otherDesign(RunRecord r) {
    return !r.design().equals(current().design());
  }

  /**
   * The interval columns of a figure, when the history has them. The convention, in the order looked for: {@code
   * <column>_low} and {@code <column>_high} (e.g. {@code order_cost_us_low}); or, for a column that ends in a unit
   * ({@code _us}, {@code _ms}, {@code _s}, {@code _per_s}, {@code _pct}), {@code <stem>_ci_low_<unit>} and {@code
   * <stem>_ci_high_<unit>} (e.g. {@code order_cost_ci_low_us}). Both ends must be there.
   *
   * @param column the figure's column
   * @param columns the columns the history has
   * @return the low and high columns, or empty
   */
  public static Optional<IntervalColumns> intervalColumns(String column, Collection<String> columns) {
    Set<String> has = new LinkedHashSet<>(columns);
    if (has.contains(column + "_low") && has.contains(column + "_high")) {
      return Optional.of(new IntervalColumns(column + "_low", column + "_high"));
    }
    for (String unit : List.of("_per_s", "_us", "_ms", "_s", "_pct")) {
      if (column.endsWith(unit)) {
        String stem = column.substring(0, column.length() - unit.length());
        String low = stem + "_ci_low" + unit;
        String high = stem + "_ci_high" + unit;
        if (has.contains(low) && has.contains(high)) {
          return Optional.of(new IntervalColumns(low, high));
        }
        break;
      }
    }
    return Optional.empty();
  }

  /** The columns of this trend's runs and figures, in first-seen order. */
  public Set<String> columns() {
    Set<String> all = new LinkedHashSet<>();
    metrics.forEach(m -> all.add(m.column()));
    runs.forEach(r -> all.addAll(r.metrics().keySet()));
    return all;
  }

  /**
   * The two columns that hold a figure's interval.
   *
   * @param low the lower end's column
   * @param high the upper end's column
   */
  public record IntervalColumns(String low, String high) {

    /** True when {@code column} is one of the two. */
    public boolean holds(String column) {
      return low.equals(column) || high.equals(column);
    }
  }
}

package io.sequela.nightly;

import io.sequela.stats.QueryStats;
import io.sequela.assertions.Check;
import io.sequela.config.Limit;
import io.sequela.config.Limits;
import io.sequela.history.Direction;
import io.sequela.history.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A QueryBenchSimulation run as the nightly checks take it: one history test, {@code querybench}. Checks:
 * {@code errors_max} (failed queries, Gatling's KO), {@code median_ms_max}, {@code p99_ms_max} (sequela's own query
 * timing, ms with µs precision). Figures: queries, errors, rows returned, median/avg/p95/p99 ms, wall ms.
 */
public final class QueryBenchNightly {

  /** The history test name. */
  public static final String TEST = "querybench";

  private QueryBenchNightly() {}

  /**
   * The run's figures and checks.
   *
   * @param limits {@code sequela.querybench.assertions}
   * @param stats the statistics, empty when no query was timed
   * @param errors failed queries
   * @param planned queries in the query file
   */
  public static TestResult of(Limits limits, Optional<QueryStats> stats, long errors, long planned) {
    List<Metric> metrics = new ArrayList<>();
    List<Check> checks = new ArrayList<>();
    long queries = stats.map(QueryStats::queries).orElse(0L);
    metrics.add(metric("queries", Direction.NONE, (double) queries));
    metrics.add(metric("errors", Direction.NONE, (double) errors));
    metrics.add(metric("rows_returned", Direction.NONE, stats.map(s -> (double) s.rowsReturned()).orElse(null)));
    metrics.add(metric("median_ms", Direction.LOWER_IS_BETTER, stats.map(QueryStats::medianMs).orElse(null)));
    metrics.add(metric("avg_ms", Direction.LOWER_IS_BETTER, stats.map(QueryStats::avgMs).orElse(null)));
    metrics.add(metric("p95_ms", Direction.LOWER_IS_BETTER, stats.map(QueryStats::p95Ms).orElse(null)));
    metrics.add(metric("p99_ms", Direction.LOWER_IS_BETTER, stats.map(QueryStats::p99Ms).orElse(null)));
    metrics.add(metric("wall_ms", Direction.NONE, stats.map(QueryStats::wallMs).orElse(null)));
    limits.get(Limit.ERRORS_MAX).ifPresent(v -> checks.add(Check.bound(TEST, Limit.ERRORS_MAX, v, (double) errors)));
    limits.get(Limit.MEDIAN_MS_MAX).ifPresent(v -> checks.add(Check.bound(TEST, Limit.MEDIAN_MS_MAX, v,
        stats.map(QueryStats::medianMs).orElse(null))));
    limits.get(Limit.P99_MS_MAX).ifPresent(v -> checks.add(Check.bound(TEST, Limit.P99_MS_MAX, v,
        stats.map(QueryStats::p99Ms).orElse(null))));
    return new TestResult(TEST, limits, metrics, checks, queries + errors < planned);
  }

  private static Metric metric(String figure, Direction d, Double value) {
    return new Metric(figure, TEST, figure, d, value);
  }
}

package io.sequela.config;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One key of an {@code "assertions"} block: the figure it bounds, whether it is an upper or lower bound, and
 * whether the value must be a whole number. Which simulation accepts which keys: {@link #SEQ_ORDER},
 * {@link #KEY_GEN}, {@link #QUERY_BENCH}.
 */
public enum Limit {
  /** KO requests per test x mode (SeqOrder) or per strategy (KeyGen). */
  KO_MAX("ko_max", "ko", true, true),
  /** Duplicate ids per test x mode (SeqOrder) or duplicate-key inserts per strategy (KeyGen). */
  DUPLICATES_MAX("duplicates_max", "duplicates", true, true),
  /** 99th percentile insert latency in µs, per test x mode x node (SeqOrder) or per strategy (KeyGen). */
  P99_US_MAX("p99_us_max", "p99_us", true, false),
  /** Upper end of the 95 % confidence interval of ORDER minus NOORDER median latency, µs, per test. */
  ORDER_COST_US_MAX("order_cost_us_max", "order_cost_us", true, false),
  /** Total inversions of the ORDER mode, per test. */
  ORDER_INVERSIONS_MAX("order_inversions_max", "inversions", true, true),
  /** Worse than the baseline by at most this many percent (see io.sequela.history.RegressionGate). */
  REGRESSION_PCT_MAX("regression_pct_max", "regression_pct", true, false),
  /** OK inserts per second of wall time, per strategy (KeyGen). */
  INSERTS_PER_S_MIN("inserts_per_s_min", "inserts_per_s", false, false),
  /** Failed queries (QueryBench). */
  ERRORS_MAX("errors_max", "errors", true, true),
  /** Median query time, ms (QueryBench). */
  MEDIAN_MS_MAX("median_ms_max", "median_ms", true, false),
  /** 99th percentile query time, ms (QueryBench). */
  P99_MS_MAX("p99_ms_max", "p99_ms", true, false);

  /** The keys a SeqOrderSimulation plan takes, at plan and test level. */
  public static final Set<Limit> SEQ_ORDER =
      EnumSet.of(KO_MAX, DUPLICATES_MAX, P99_US_MAX, ORDER_COST_US_MAX, ORDER_INVERSIONS_MAX, REGRESSION_PCT_MAX);
  /** The keys a KeyGenSimulation plan takes, for all strategies and per strategy. */
  public static final Set<Limit> KEY_GEN = EnumSet.of(KO_MAX, DUPLICATES_MAX, P99_US_MAX, INSERTS_PER_S_MIN, REGRESSION_PCT_MAX);
  /** The keys QueryBenchSimulation takes as {@code sequela.querybench.assertions.<key>}. */
  public static final Set<Limit> QUERY_BENCH = EnumSet.of(ERRORS_MAX, MEDIAN_MS_MAX, P99_MS_MAX, REGRESSION_PCT_MAX);

  private final String key;
  private final String figure;
  private final boolean upper;
  private final boolean whole;

  Limit(String key, String figure, boolean upper, boolean whole) {
    this.key = key;
    this.figure = figure;
    this.upper = upper;
    this.whole = whole;
  }

  /** The key as written in a plan, e.g. {@code p99_us_max}. */
  public String key() {
    return key;
  }

  /** The figure it bounds, as named in check names and failure messages, e.g. {@code p99_us}. */
  public String figure() {
    return figure;
  }

  /** True for a {@code _max} key (the figure must be at most the limit), false for a {@code _min} key. */
  public boolean upper() {
    return upper;
  }

  /** True when the value must be a whole number (a count). */
  boolean whole() {
    return whole;
  }

  /** The limit with this key, if any. */
  static Optional<Limit> ofKey(String key) {
    return Arrays.stream(values()).filter(l -> l.key.equals(key)).findFirst();
  }
}

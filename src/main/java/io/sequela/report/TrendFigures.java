package io.sequela.report;

import io.sequela.config.StageNode;
import io.sequela.history.Metric;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the trend and compare pages name and group the history's figures: a human name ({@code ORDER p99 (µs), node
 * 1}) for each column, and which figures head the page (the verdict's estimate: ORDER's cost, KeyGen's inserts/s,
 * QueryBench's median and p99), which are the checked set (p99, throughput, KOs, inversions, duplicates, errors), and
 * which are folded under "all figures".
 */
final class TrendFigures {

  /** Where a figure goes on the page. */
  enum Group {
    /** At the top, large, with its interval. */
    HEADLINE,
    /** The small named set of checked figures. */
    CHECKED,
    /** Folded under "all figures". */
    OTHER
  }

  private static final Set<String> HEADLINE = Set.of("order_cost_us", "inserts_per_s", "median_ms", "p99_ms");
  private static final Set<String> CHECKED = Set.of("p99_us", "rows_per_s", "ko", "inversions", "duplicates", "errors");
  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("rows", "rows"), Map.entry("ko", "KOs"), Map.entry("p50_us", "p50 (µs)"), Map.entry("p99_us", "p99 (µs)"),
      Map.entry("rows_per_s", "throughput (rows/s)"), Map.entry("inversions", "inversions"), Map.entry("gaps", "gaps"),
      Map.entry("missing", "missing ids"), Map.entry("duplicates", "duplicate ids"),
      Map.entry("order_cost_us", "ORDER cost per insert (µs)"),
      Map.entry("order_cost_ci_low_us", "ORDER cost, interval low end (µs)"),
      Map.entry("order_cost_ci_high_us", "ORDER cost, interval high end (µs)"),
      Map.entry("inserts_per_s", "inserts/s"), Map.entry("queries", "queries"), Map.entry("errors", "errors (failed queries)"),
      Map.entry("rows_returned", "rows returned"), Map.entry("median_ms", "median query time (ms)"),
      Map.entry("avg_ms", "mean query time (ms)"), Map.entry("p95_ms", "p95 query time (ms)"),
      Map.entry("p99_ms", "p99 query time (ms)"), Map.entry("wall_ms", "wall-clock time (ms)"));

  private TrendFigures() {}

  /**
   * The figure's group.
   *
   * @param hasInterval true when the history holds the figure's interval: such a figure heads the page
   */
  static Group group(Metric m, boolean hasInterval) {
    if (hasInterval || HEADLINE.contains(m.figure())) {
      return Group.HEADLINE;
    }
    return CHECKED.contains(m.figure()) ? Group.CHECKED : Group.OTHER;
  }

  /**
   * A figure's human name: its scope without the test's name, the figure with its unit, the node last, e.g.
   * {@code ORDER p99 (µs), node 1}, {@code uuid4 inserts/s}, {@code ORDER cost per insert (µs)}.
   */
  static String name(Metric m, String test) {
    String rest = m.scope().equals(test) ? "" : m.scope().startsWith(test + " ") ? m.scope().substring(test.length() + 1)
        : m.scope();
    String node = "";
    Optional<StageNode> key = StageNode.ofRequestName(m.scope());
    if (key.isPresent()) {
      rest = key.get().mode().name();
      node = ", node " + key.get().node();
    }
    String figure = NAMES.getOrDefault(m.figure(), generic(m.figure()));
    return (rest.isEmpty() ? figure : rest + " " + figure) + node;
  }

  /** {@code foo_bar_us} as {@code foo bar (µs)}. */
  private static String generic(String figure) {
    String unit = "";
    String f = figure;
    for (String[] u : new String[][] {{"_per_s", "/s"}, {"_us", " (µs)"}, {"_ms", " (ms)"}, {"_pct", " (%)"}, {"_s", " (s)"}}) {
      if (f.endsWith(u[0])) {
        f = f.substring(0, f.length() - u[0].length());
        unit = u[1];
        break;
      }
    }
    return f.replace('_', ' ') + unit;
  }
}

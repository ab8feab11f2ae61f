package io.sequela.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.sequela.stats.QuerySample;
import io.sequela.stats.QueryStats;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The query benchmark's results: a console table, {@code query-stats.json} (the machine-readable
 * result, {@link QueryStats} field names in snake_case) and {@code query-stats.html} (the same figures
 * plus a chart of query time over the run) in a Gatling run folder, linked from every page's menu.
 */
public final class QueryStatsReport {

  /** The JSON file's name in the run folder. */
  public static final String JSON = "query-stats.json";
  /** The page's file name in the run folder. */
  public static final String HTML = "query-stats.html";

  private QueryStatsReport() {}

  /** The figures as a plain-text table for the console; times in ms. */
  public static String consoleTable(QueryStats s) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "QueryBench: %d queries, %d rows returned%n", s.queries(), s.rowsReturned()));
    for (String[] row : summaryRows(s)) {
      b.append(String.format(Locale.ROOT, "  %-34s %12s%n", row[0], row[1]));
    }
    b.append(String.format(Locale.ROOT, "  %-6s %8s %12s  %s%n", "worker", "queries", "busy ms", "hosts"));
    for (QueryStats.WorkerStats w : s.workers()) {
      b.append(String.format(Locale.ROOT, "  %-6d %8d %12s  %s%n", w.worker(), w.queries(), fmt(w.busyMs()),
          w.hosts().isEmpty() ? "(idle: no hosts)" : String.join(", ", w.hosts())));
    }
    return b.toString();
  }

  /** The summary figures as (label with unit, value) pairs, shared by console and page. */
  static List<String[]> summaryRows(QueryStats s) {
    return List.of(
        new String[] {"assignment", s.assignment()},
        new String[] {"workers requested", Integer.toString(s.workersRequested())},
        new String[] {"workers busy (with hosts)", Integer.toString(s.workersBusy())},
        new String[] {"queries", Long.toString(s.queries())},
        new String[] {"errors (failed queries)", Long.toString(s.errors())},
        new String[] {"rows returned", Long.toString(s.rowsReturned())},
        new String[] {"total processing time (sum, ms)", fmt(s.totalMs())},
        new String[] {"wall-clock time of the run (ms)", fmt(s.wallMs())},
        new String[] {"imbalance (busiest / mean busy)", fmt(s.imbalance())},
        new String[] {"min query time (ms)", fmt(s.minMs())},
        new String[] {"median query time (ms)", fmt(s.medianMs())},
        new String[] {"average query time (ms)", fmt(s.avgMs())},
        new String[] {"max query time (ms)", fmt(s.maxMs())},
        new String[] {"p95 query time (ms)", fmt(s.p95Ms())},
        new String[] {"p99 query time (ms)", fmt(s.p99Ms())});
  }

  /**
   * Writes {@link #JSON} and {@link #HTML} into a run folder Gatling has written its report into, and links
   * the page from the menu of every page (again: replaces both, adds no second link).
   *
   * @param runFolder a Gatling run folder holding index.html
   * @param samples the timed queries, for the chart
   * @return the paths written: page, then JSON
   * @throws io.sequela.SequelaException.InvalidInput when the folder holds no index.html
   * @throws io.sequela.SequelaException when a file cannot be read or written
   */
  public static List<Path> write(Path runFolder, QueryStats stats, List<QuerySample> samples) {
    return write(runFolder, stats, samples, null);
  }

  /**
   * As {@link #write(Path, QueryStats, List)}, for a run that may have stopped before its last query.
   *
   * @param stopped why the run stopped and what the figures cover, in one sentence (an interrupted run), or null for a
   *     run that ran every query; the page says it first, the JSON as {@code stopped}
   */
  public static List<Path> write(Path runFolder, QueryStats stats, List<QuerySample> samples, String stopped) {
    ReportFolder folder = ReportFolder.at(runFolder);
    Path json = folder.writeJson(JSON, stopped == null ? stats : new Stopped(stats, stopped));
    Path page = folder.addPage(HTML, "Query statistics", "Gatling Stats - Query statistics",
        QueryStatsHtml.body(stats, samples, stopped));
    return List.of(page, json);
  }

  /** The JSON of a run that stopped early: the figures as ever, and why it stopped. */
  private record Stopped(@JsonUnwrapped QueryStats stats, @JsonProperty("stopped") String stopped) {}

  /** Milliseconds with µs precision, e.g. {@code 0.312}. */
  static String fmt(double ms) {
    return String.format(Locale.ROOT, "%.3f", ms);
  }
}

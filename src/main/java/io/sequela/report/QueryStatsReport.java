package io.sequela.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sequela.SequelaException;
import io.sequela.analysis.QuerySample;
import io.sequela.analysis.QueryStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The query benchmark's results: a console table, {@code query-stats.json} (the machine-readable
 * result, {@link QueryStats} field names in snake_case) and {@code query-stats.html} (the same figures
 * plus a chart of query time over the run) in a Gatling run folder.
 */
public final class QueryStatsReport {

  /** File names in the run folder. */
  public static final String JSON = "query-stats.json";
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

  private static List<String[]> summaryRows(QueryStats s) {
    return List.of(
        new String[] {"queries", Long.toString(s.queries())},
        new String[] {"rows returned", Long.toString(s.rowsReturned())},
        new String[] {"total processing time (sum, ms)", fmt(s.totalMs())},
        new String[] {"wall-clock time of the run (ms)", fmt(s.wallMs())},
        new String[] {"min query time (ms)", fmt(s.minMs())},
        new String[] {"median query time (ms)", fmt(s.medianMs())},
        new String[] {"average query time (ms)", fmt(s.avgMs())},
        new String[] {"max query time (ms)", fmt(s.maxMs())},
        new String[] {"p95 query time (ms)", fmt(s.p95Ms())},
        new String[] {"p99 query time (ms)", fmt(s.p99Ms())});
  }

  /**
   * Writes {@link #JSON} and {@link #HTML} into {@code runFolder}.
   *
   * @param samples the timed queries, for the chart
   * @throws SequelaException when the files cannot be written
   */
  public static void write(Path runFolder, QueryStats stats, List<QuerySample> samples) {
    try {
      Files.createDirectories(runFolder);
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(runFolder.resolve(JSON).toFile(), stats);
      Files.writeString(runFolder.resolve(HTML), InterimReportFolder.page("Query statistics", body(stats, samples)),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SequelaException("cannot write query statistics into " + runFolder + ": " + e.getMessage(), e);
    }
  }

  static String body(QueryStats s, List<QuerySample> samples) {
    StringBuilder b = new StringBuilder("<table><tr><th class=\"l\">figure</th><th>value</th></tr>\n");
    for (String[] row : summaryRows(s)) {
      b.append("<tr><td class=\"l\">").append(row[0]).append("</td><td>").append(row[1]).append("</td></tr>\n");
    }
    b.append("</table>\n<h2>Workers</h2>\n<table><tr><th>worker</th><th>queries</th><th>busy ms</th>"
        + "<th class=\"l\">hosts</th></tr>\n");
    for (QueryStats.WorkerStats w : s.workers()) {
      String hosts = w.hosts().isEmpty() ? "<em>idle: no hosts</em>" : InterimReportFolder.escape(String.join(", ", w.hosts()));
      b.append("<tr><td>").append(w.worker()).append("</td><td>").append(w.queries()).append("</td><td>")
          .append(fmt(w.busyMs())).append("</td><td class=\"l\">").append(hosts).append("</td></tr>\n");
    }
    b.append("</table>\n<h2>Query time over the run</h2>\n").append(QueryTimeChart.svg(samples, s.workers().size()));
    return b.toString();
  }

  static String fmt(double ms) {
    return String.format(Locale.ROOT, "%.3f", ms);
  }
}

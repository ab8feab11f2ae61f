package io.sequela.report;

import io.sequela.stats.QuerySample;
import io.sequela.stats.QueryStats;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The content of {@code query-stats.html}, laid out like the sequence-gaps page: the figures table, the
 * per-worker table (idle workers marked), then query time over the run as a scatter coloured by worker.
 */
final class QueryStatsPage {

  /** Above this many workers the chart has no legend: its palette repeats and the names would not fit. */
  private static final int MAX_LEGEND = 6;

  private QueryStatsPage() {}

  static String body(QueryStats s, List<QuerySample> samples) {
    StringBuilder b = new StringBuilder("<div class=\"schema-container\" style=\"display:block;padding:10px\">\n");
    b.append("<h2>Query statistics</h2>\n<p>").append(Html.number(s.queries())).append(" queries on ")
        .append(Html.number((long) s.workersBusy())).append(" of ").append(Html.number((long) s.workersRequested()))
        .append(" workers (").append(Html.escape(s.assignment())).append(" assignment), ")
        .append(Html.number(s.errors())).append(" failed, ").append(Html.number(s.rowsReturned()))
        .append(" rows returned. Query times run from execute to the last row read, in ms; percentiles are nearest-rank, "
            + "the median of an even count is the mean of the two middle values. Imbalance is the busiest worker's "
            + "busy time over the mean busy time of all requested workers.</p>\n");
    List<List<String>> figures = new ArrayList<>();
    for (String[] row : QueryStatsReport.summaryRows(s)) {
      figures.add(List.of(Html.escape(row[0]), Html.escape(row[1])));
    }
    b.append(Html.table(List.of("figure", "value"), figures));
    b.append("<h3>Workers</h3>\n");
    List<List<String>> workers = new ArrayList<>();
    for (QueryStats.WorkerStats w : s.workers()) {
      workers.add(List.of(Integer.toString(w.worker()), Html.number(w.queries()), QueryStatsReport.fmt(w.busyMs()),
          w.hosts().isEmpty() ? "<em>idle: no hosts</em>" : Html.escape(String.join(", ", w.hosts()))));
    }
    b.append(Html.table(List.of("worker", "queries", "busy ms", "hosts"), workers));
    b.append("<h3>Query time over the run</h3>\n<p>Each query at its start, coloured by worker:</p>\n");
    long t0 = samples.stream().mapToLong(QuerySample::startNanos).min().orElse(0);
    List<SvgCharts.Point> points = samples.stream()
        .map(q -> new SvgCharts.Point((q.startNanos() - t0) / 1e9, q.durationNanos() / 1e6, q.worker() - 1)).toList();
    List<String> names = s.workers().size() > MAX_LEGEND ? List.of()
        : IntStream.rangeClosed(1, s.workers().size()).mapToObj(w -> "worker " + w).toList();
    b.append(SvgCharts.scatter(points, names, "seconds since the first query", "query time (ms)"));
    return b.append("</div>\n").toString();
  }
}

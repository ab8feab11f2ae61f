package io.sequela.report;

import io.sequela.stats.QuerySample;
import io.sequela.stats.QueryStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.jsoup.nodes.Element;

/**
 * The content of {@code query-stats.html}, laid out like the sequence-gaps page: the figures table, the
 * per-worker table (idle workers marked), then query time over the run as a scatter coloured by worker.
 */
final class QueryStatsHtml {

  /** Above this many workers the chart has no legend: its palette repeats and the names would not fit. */
  private static final int MAX_LEGEND = 6;

  private QueryStatsHtml() {}

  static Element body(QueryStats s, List<QuerySample> samples, String stopped) {
    Element b = Html.page("Query statistics");
    Html.headline(b, "median " + QueryStatsReport.fmt(s.medianMs()) + " ms, p99 " + QueryStatsReport.fmt(s.p99Ms())
        + " ms over " + Html.number(s.queries()) + " queries, " + Html.number(s.errors()) + " failed");
    if (stopped != null) {
      Html.block(b, "p", "This run was " + stopped + ".");
    }
    Html.block(b, "p", Html.number(s.queries()) + " queries on " + Html.number((long) s.workersBusy()) + " of "
        + Html.number((long) s.workersRequested()) + " workers (" + s.assignment() + " assignment), "
        + Html.number(s.errors()) + " failed, " + Html.number(s.rowsReturned()) + " rows returned. Query times run from"
        + " execute to the last row read, in ms; percentiles are nearest-rank, the median of an even count is the mean of"
        + " the two middle values. Imbalance is the busiest worker's busy time over the mean busy time of all requested"
        + " workers.");
    Html.table(b, List.of("figure", "value"), QueryStatsReport.summaryRows(s).stream().map(Arrays::asList).toList());
    Html.block(b, "h3", "Workers");
    Element workers = Html.table(b, List.of("worker", "queries", "busy ms", "hosts"));
    for (QueryStats.WorkerStats w : s.workers()) {
      Element row = Html.row(workers, List.of(Integer.toString(w.worker()), Html.number(w.queries()),
          QueryStatsReport.fmt(w.busyMs()), String.join(", ", w.hosts())));
      if (w.hosts().isEmpty()) {
        row.child(3).appendElement("em").text("idle: no hosts");
      }
    }
    Html.block(b, "h3", "Query time over the run");
    Html.block(b, "p", "Each query at its start, coloured by worker:");
    long t0 = samples.stream().mapToLong(QuerySample::startNanos).min().orElse(0);
    List<SvgCharts.Point> points = samples.stream()
        .map(q -> new SvgCharts.Point((q.startNanos() - t0) / 1e9, q.durationNanos() / 1e6, q.worker() - 1)).toList();
    List<String> names = s.workers().size() > MAX_LEGEND ? List.of()
        : IntStream.rangeClosed(1, s.workers().size()).mapToObj(w -> "worker " + w).toList();
    SvgCharts.scatter(b, points, names, "seconds since the first query", "query time (ms)");
    return b;
  }
}

package io.sequela.report;

import io.sequela.gaps.GapAnalysisResult;
import io.sequela.gaps.GapHistogram;
import io.sequela.stats.LatencySummary;
import io.sequela.gaps.Latencies;
import io.sequela.gaps.ModeFigures;
import io.sequela.gaps.NodeFigures;
import io.sequela.gaps.TestFigures;
import io.sequela.db.SequenceMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The content of {@code sequence-gaps.html}: the comparison table first, then per test x mode the id/time
 * scatter, the gap-size histogram and the per-node table, then latency by node for both modes.
 */
final class SequenceGapsPage {

  private SequenceGapsPage() {}

  static String body(GapAnalysisResult r, Latencies latencies) {
    StringBuilder b = new StringBuilder("<div class=\"schema-container\" style=\"display:block;padding:10px\">\n");
    b.append("<h2>Sequence ordering and gaps</h2>\n<p>Run <b>").append(Html.escape(r.runId())).append("</b> on ")
        .append(Html.escape(r.dialect())).append(", rows ordered by <b>").append(r.timeBasis())
        .append("</b>; ids are the sequence part, MOD(id, 1e8).</p>\n<p>")
        .append(Html.escape(r.cacheSemantics())).append("</p>\n");
    for (TestFigures t : r.tests()) {
      b.append("<h3>").append(Html.escape(t.testName())).append(": ORDER vs NOORDER</h3>\n");
      List<List<String>> rows = new ArrayList<>();
      for (String[] row : ComparisonTable.rows(t, latencies)) {
        rows.add(List.of(Html.escape(row[0]), Html.escape(row[1]), Html.escape(row[2]), Html.escape(row[3])));
      }
      b.append(Html.table(List.of("figure", "ORDER", "NOORDER", "change"), rows));
    }
    for (TestFigures t : r.tests()) {
      for (ModeFigures m : List.of(SequenceMode.ORDER, SequenceMode.NOORDER).stream()
          .map(t::mode).flatMap(Optional::stream).toList()) {
        mode(b, t.testName(), m, latencies);
      }
      latencyByNode(b, t, latencies);
    }
    return b.append("</div>\n").toString();
  }

  private static void mode(StringBuilder b, String test, ModeFigures m, Latencies latencies) {
    b.append("<h3>").append(Html.escape(test + " " + m.mode())).append("</h3>\n");
    b.append(Html.table(List.of("rows", "distinct", "duplicates", "span", "missing", "gaps", "largest gap",
        "inversions (total / adjacent)", "cross / same node", "max displacement", "islands", "mean island", "node switches"),
        List.of(List.of(Html.number(m.rows()), Html.number(m.distinctIds()), Html.number(m.duplicateIds()),
            Html.number(m.span()), Html.number(m.missing()), Html.number(m.gapCount()), Html.number(m.largestGap()),
            Html.number(m.order().totalInversions()) + " / " + Html.number(m.order().adjacentInversions()),
            Html.number(m.order().crossNodeInversions()) + " / " + Html.number(m.order().sameNodeInversions()),
            Html.number(m.order().maxDisplacement()), Html.number(m.islands()), Html.number(m.meanIslandLength()),
            Html.number(m.nodeSwitches())))));
    List<Integer> nodes = new ArrayList<>(new TreeSet<>(m.nodes().keySet()));
    List<SvgCharts.Point> points = m.sample().stream()
        .map(p -> new SvgCharts.Point(p.millis() / 1000.0, p.id(), nodes.indexOf(p.node()))).toList();
    b.append("<p>Id against time, coloured by node");
    if (m.sampleStride() > 1) {
      b.append(" (downsampled: every ").append(m.sampleStride()).append("th row in time order, ")
          .append(Html.number((long) points.size())).append(" of ").append(Html.number(m.rows())).append(" rows)");
    }
    b.append(":</p>\n").append(SvgCharts.scatter(points, nodes.stream().map(n -> "node " + n).toList(),
        "seconds since the first row", "id (sequence part)"));
    List<Double> gaps = m.gapSizes().counts().stream().map(Long::doubleValue).toList();
    b.append("<p>Gaps by size (missing values):</p>\n").append(SvgCharts.bars(
        GapHistogram.BUCKETS.stream().map(GapHistogram.Bucket::label).toList(), List.of(gaps), List.of("gaps"), "gaps"));
    List<List<String>> rows = new ArrayList<>();
    for (int n : nodes) {
      NodeFigures f = m.nodes().get(n);
      Optional<LatencySummary> l = latencies.node(test, m.mode(), n);
      rows.add(List.of(Integer.toString(n), Html.number(f.rows()), Html.number(f.minId()), Html.number(f.maxId()),
          Html.number(l.map(LatencySummary::meanMs).orElse(null)), Html.number(l.map(LatencySummary::p50Ms).orElse(null)),
          Html.number(l.map(LatencySummary::p95Ms).orElse(null)), Html.number(l.map(LatencySummary::p99Ms).orElse(null)),
          Html.number(l.map(LatencySummary::maxMs).orElse(null)), Html.number(f.rowsPerSecond())));
    }
    b.append(Html.table(List.of("node", "rows", "min id", "max id", "mean ms", "p50 ms", "p95 ms", "p99 ms", "max ms",
        "rows/s"), rows));
  }

  private static void latencyByNode(StringBuilder b, TestFigures t, Latencies latencies) {
    TreeSet<Integer> all = new TreeSet<>();
    t.modes().values().forEach(m -> all.addAll(m.nodes().keySet()));
    List<String> names = new ArrayList<>();
    List<List<Double>> series = new ArrayList<>();
    for (SequenceMode mode : SequenceMode.values()) {
      List<Double> mean = new ArrayList<>();
      List<Double> p99 = new ArrayList<>();
      for (int n : all) {
        Optional<LatencySummary> l = latencies.node(t.testName(), mode, n);
        mean.add(l.map(LatencySummary::meanMs).orElse(null));
        p99.add(l.map(s -> (double) s.p99Ms()).orElse(null));
      }
      names.add(mode + " mean");
      series.add(mean);
      names.add(mode + " p99");
      series.add(p99);
    }
    b.append("<h3>").append(Html.escape(t.testName())).append(": latency by node, ORDER and NOORDER</h3>\n")
        .append(SvgCharts.bars(all.stream().map(n -> "node " + n).toList(), series, names, "ms"));
  }
}

package io.sequela.report;

import io.sequela.gaps.GapAnalysisResult;
import io.sequela.gaps.GapHistogram;
import io.sequela.stats.LatencySummary;
import io.sequela.gaps.Latencies;
import io.sequela.gaps.ModeFigures;
import io.sequela.gaps.NodeFigures;
import io.sequela.gaps.NodeSessions;
import io.sequela.gaps.RunNotes;
import io.sequela.gaps.StageStatus;
import io.sequela.stats.IntervalLog;
import io.sequela.gaps.TestFigures;
import io.sequela.config.SequenceMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jsoup.nodes.Element;

/**
 * The content of {@code sequence-gaps.html}: every test's verdict first (and, in red, any node whose rows came from
 * more than one instance), the comparison tables, then per test x mode the id/time scatter, the gap-size histogram
 * and the per-node table (latencies in µs, sessions), then per test the failed inserts by error code, latency by
 * node for every mode, the per-second latency chart and the percentile spectrum. With the run's notes, the stages
 * (which ran, which did not and why, what each mode read back) come before the comparison tables.
 */
final class SequenceGapsHtml {

  private SequenceGapsHtml() {}

  private static final String RED = "color:#c0392b;font-weight:bold";

  static Element body(GapAnalysisResult r, Latencies latencies, IntervalLog perSecond) {
    return body(r, latencies, perSecond, RunNotes.none());
  }

  /** The page with the stages first: which ran, which did not and why, what each mode read back. */
  static Element body(GapAnalysisResult r, Latencies latencies, IntervalLog perSecond, RunNotes notes) {
    return body(r, latencies, perSecond, notes, java.util.Map.of());
  }

  /** As {@link #body(GapAnalysisResult, Latencies, IntervalLog, RunNotes)}, the verdicts and designs from the blocks. */
  static Element body(GapAnalysisResult r, Latencies latencies, IntervalLog perSecond, RunNotes notes,
      java.util.Map<String, io.sequela.design.DesignResult> designs) {
    Element b = Html.page("Sequence ordering and gaps");
    for (TestFigures t : r.tests()) {
      String v = ComparisonTable.verdict(t, latencies, designs);
      if (v != null) {
        Html.headline(b, t.testName() + ": " + v).addClass("verdict");
      }
    }
    Element intro = b.appendElement("p").appendText("Run ");
    intro.appendElement("b").text(r.runId());
    intro.appendText(" on " + r.dialect() + ", rows ordered by ");
    intro.appendElement("b").text(r.timeBasis().name());
    intro.appendText("; ids are the sequence part, MOD(id, 1e8).");
    b.appendText("\n");
    Html.block(b, "p", r.cacheSemantics());
    stages(b, notes, latencies);
    for (TestFigures t : r.tests()) {
      if (designs.containsKey(t.testName())) {
        DesignSection.html(b, t, designs.get(t.testName()));
      }
      Html.block(b, "h3", t.testName() + ": ORDER vs NOORDER");
      Html.table(b, List.of("figure", "ORDER", "NOORDER", "change"),
          ComparisonTable.rows(t, latencies, designs.get(t.testName())).stream().map(Arrays::asList).toList());
    }
    Html.block(b, "p", ComparisonTable.CHANGE + ". Latencies: " + source(latencies) + ".");
    for (TestFigures t : r.tests()) {
      for (ModeFigures m : Arrays.stream(SequenceMode.values()).map(t::mode).flatMap(Optional::stream).toList()) {
        mode(b, t.testName(), m, latencies);
      }
      koByCode(b, t, latencies);
      latencyByNode(b, t, latencies);
      if (perSecond != null) {
        LatencyCharts.perSecond(b, t, perSecond);
      }
      LatencyCharts.spectrum(b, t, latencies);
    }
    return b;
  }

  private static void stages(Element b, RunNotes notes, Latencies latencies) {
    if (notes.cutShort() != null) {
      Html.block(b, "p", "This run was cut short: " + notes.cutShort() + ". The figures below cover what ran.");
    }
    if (notes.databaseNote() != null) {
      Html.block(b, "p", notes.databaseNote() + ".");
    }
    if (notes.stages().isEmpty()) {
      return;
    }
    Html.block(b, "h3", "Stages");
    List<List<String>> rows = new ArrayList<>();
    for (StageStatus s : notes.stages()) {
      long kos = latencies.koCount(s.test(), s.mode());
      String verified = !s.usesSequence() ? "no sequence used" : s.modeVerified() ? "yes: " + s.readBack() : "no";
      rows.add(List.of(s.test(), s.label(), s.state().label(), verified, Html.number(kos),
          s.reason() == null ? "" : s.reason()));
    }
    Html.table(b, List.of("test", "stage", "status", "mode verified (read back)", "KOs of the mode", "why not run or cut short"), rows);
  }

  private static String source(Latencies latencies) {
    return switch (latencies.source()) {
      case WORKER -> "sequela's worker, execute and commit timed in ns, in µs (HdrHistogram, 3 significant digits)";
      case GATLING_MS -> "Gatling's whole-ms response times (-Dsequela.driver=plugin or -Dsequela.latency.record=false), "
          + "shown in µs";
      case NONE -> "none recorded";
    };
  }

  private static void mode(Element b, String test, ModeFigures m, Latencies latencies) {
    Html.block(b, "h3", test + " " + m.mode());
    if (m.idStep() > 1) {
      residueClasses(b, m);
    }
    Html.table(b, List.of("rows", "distinct", "duplicates", "span", "missing", "missing by design", "gaps", "largest gap",
        "inversions (total / adjacent)", "cross / same node", "max displacement", "islands", "mean island", "node switches"),
        List.of(List.of(Html.number(m.rows()), Html.number(m.distinctIds()), Html.number(m.duplicateIds()),
            Html.number(m.span()), Html.number(m.missing()), Html.number(m.missingByDesign()), Html.number(m.gapCount()),
            Html.number(m.largestGap()),
            Html.number(m.order().totalInversions()) + " / " + Html.number(m.order().adjacentInversions()),
            Html.number(m.order().crossNodeInversions()) + " / " + Html.number(m.order().sameNodeInversions()),
            Html.number(m.order().maxDisplacement()), Html.number(m.islands()), Html.number(m.meanIslandLength()),
            Html.number(m.nodeSwitches()))));
    List<Integer> nodes = new ArrayList<>(new TreeSet<>(m.nodes().keySet()));
    boolean bySession = m.sample().stream().anyMatch(p -> p.session() != 0);
    List<Long> sessions = new ArrayList<>(new TreeSet<>(m.sample().stream().map(ModeFigures.SamplePoint::session).toList()));
    List<SvgCharts.Point> points = m.sample().stream().map(p -> new SvgCharts.Point(p.millis() / 1000.0, p.id(),
        bySession ? sessions.indexOf(p.session()) : nodes.indexOf(p.node()))).toList();
    String scatter = "Id against time, coloured by " + (bySession ? "session (DB_SESSION)" : "node");
    if (m.sampleStride() > 1) {
      scatter += " (downsampled: every " + m.sampleStride() + "th row in time order, " + Html.number((long) points.size())
          + " of " + Html.number(m.rows()) + " rows)";
    }
    Html.block(b, "p", scatter + ":");
    SvgCharts.scatter(b, points, bySession ? sessions.stream().map(x -> "session " + x).toList()
        : nodes.stream().map(n -> "node " + n).toList(), "seconds since the first row", "id (sequence part)");
    List<Double> gaps = m.gapSizes().counts().stream().map(Long::doubleValue).toList();
    if (m.gapCount() == 0) {
      SvgCharts.noData(b, "No gaps: every value between the first and the last id is a row.");
    } else {
      Html.block(b, "p", "Gaps by size (missing values):");
      SvgCharts.bars(b, GapHistogram.BUCKETS.stream().map(GapHistogram.Bucket::label).toList(), List.of(gaps),
          List.of("gaps"), "gaps");
    }
    List<List<String>> rows = new ArrayList<>();
    Element body = Html.table(b, List.of("node", "rows", "min id", "max id", "mean µs", "p50 µs", "p90 µs", "p99 µs",
        "p99.9 µs", "max µs", "rows/s", "sessions", "misrouted rows"));
    for (int n : nodes) {
      NodeFigures f = m.nodes().get(n);
      Optional<LatencySummary> l = latencies.node(test, m.mode(), n);
      Optional<NodeSessions> s = Optional.ofNullable(m.sessions().get(n));
      Element tr = Html.row(body, List.of(Integer.toString(n), Html.number(f.rows()), Html.number(f.minId()),
          Html.number(f.maxId()), Html.number(l.map(LatencySummary::meanUs).orElse(null)),
          Html.number(l.map(LatencySummary::p50Us).orElse(null)), Html.number(l.map(LatencySummary::p90Us).orElse(null)),
          Html.number(l.map(LatencySummary::p99Us).orElse(null)), Html.number(l.map(LatencySummary::p999Us).orElse(null)),
          Html.number(l.map(LatencySummary::maxUs).orElse(null)), Html.number(f.rowsPerSecond()),
          Html.number(s.map(NodeSessions::sessions).orElse(null)), Html.number(s.map(NodeSessions::misroutedRows).orElse(null))));
      if (s.isPresent() && s.get().misroutedRows() > 0) {
        tr.child(tr.childrenSize() - 1).attr("style", RED);
      }
      Optional<LatencySummary> commit = latencies.commit(test, m.mode(), n);
      commit.ifPresent(c -> Html.row(body, List.of(n + " commit", Html.number(c.count()), "", "", Html.number(c.meanUs()),
          Html.number(c.p50Us()), Html.number(c.p90Us()), Html.number(c.p99Us()), Html.number(c.p999Us()),
          Html.number(c.maxUs()), "", "", "")));
    }
  }

  /** Why the values of other nodes' residue classes are counted apart (ids stepping by the cluster size). */
  private static void residueClasses(Element b, ModeFigures m) {
    Element p = b.appendElement("p").appendText("Ids step by " + m.idStep() + " (the cluster size): each node hands out "
        + "the values of its own residue class modulo " + m.idStep() + ". Of the values missing between two ids only "
        + "those of the lower id's class could have been handed out; the others belong to other nodes' classes and "
        + "are counted apart as ");
    p.appendElement("b").text("missing by design");
    p.appendText(" (" + Html.number(m.missingByDesign()) + "), so ");
    p.appendElement("i").text("missing");
    p.appendText(" and ");
    p.appendElement("i").text("gaps");
    p.appendText(" stay comparable with RAC's.");
    b.appendText("\n");
  }

  /** Failed inserts per mode x node x error code (vendor code or SQLSTATE), or one line saying there were none. */
  private static void koByCode(Element b, TestFigures t, Latencies latencies) {
    List<List<String>> rows = new ArrayList<>();
    for (SequenceMode mode : SequenceMode.values()) {
      latencies.koByNodeAndCode(t.testName(), mode).forEach((node, codes) -> codes.forEach((code, count) ->
          rows.add(List.of(mode.name(), Integer.toString(node), code, Html.number(count)))));
      latencies.koByCode(t.testName(), mode).forEach((code, count) ->
          rows.add(List.of(mode.name(), "all", code, Html.number(count))));
    }
    Html.block(b, "h3", t.testName() + ": failed inserts (KO) by error code");
    if (rows.isEmpty()) {
      Html.block(b, "p", "No insert failed.");
      return;
    }
    Html.block(b, "p", "The code is the driver's vendor code when it has one (MariaDB 1062 duplicate entry, 1213 "
        + "deadlock or Galera certification failure), else the SQLSTATE (PostgreSQL 23505 unique violation).");
    Html.table(b, List.of("mode", "node", "error code", "KO"), rows);
  }

  private static void latencyByNode(Element b, TestFigures t, Latencies latencies) {
    TreeSet<Integer> all = new TreeSet<>();
    t.modes().values().forEach(m -> all.addAll(m.nodes().keySet()));
    List<String> names = new ArrayList<>();
    List<List<Double>> series = new ArrayList<>();
    // legends only for what ran: a mode with no latency on any node (AUTO_INCREMENT off MariaDB) is left out
    for (SequenceMode mode : SequenceMode.values()) {
      if (all.stream().noneMatch(n -> latencies.node(t.testName(), mode, n).isPresent())) {
        continue;
      }
      List<Double> mean = new ArrayList<>();
      List<Double> p99 = new ArrayList<>();
      for (int n : all) {
        Optional<LatencySummary> l = latencies.node(t.testName(), mode, n);
        mean.add(l.map(LatencySummary::meanUs).orElse(null));
        p99.add(l.map(s -> (double) s.p99Us()).orElse(null));
      }
      names.add(mode + " mean");
      series.add(mean);
      names.add(mode + " p99");
      series.add(p99);
    }
    Html.block(b, "h3", t.testName() + ": latency by node and mode");
    SvgCharts.bars(b, all.stream().map(n -> "node " + n).toList(), series, names, "µs");
  }
}

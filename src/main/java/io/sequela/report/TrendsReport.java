package io.sequela.report;

import io.sequela.history.Metric;
import io.sequela.history.RunRecord;
import io.sequela.history.TestTrend;
import io.sequela.history.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * {@code trends.html}: per test, each headline figure over the last runs of the same plan and target (one small
 * chart each: this run ringed, the baseline median dashed, its noise band shaded, a regression in red), then a
 * table of this run against the baseline and a table of the runs. Added to every run folder and linked from
 * every page's menu ({@link ReportFolder#addPage}).
 */
public final class TrendsReport {

  /** The page's file name in the run folder. */
  public static final String PAGE = "trends.html";

  private TrendsReport() {}

  /**
   * Writes the page into a run folder Gatling has written its report into (again: replaces it, adds no second link).
   *
   * @param runFolder a Gatling run folder holding index.html
   * @param simulation the simulation's name, for the heading
   * @param runId this run's id
   * @param trends per test of the run
   * @return the page's path
   * @throws io.sequela.SequelaException when the folder holds no report or a file cannot be written
   */
  public static Path write(Path runFolder, String simulation, String runId, List<TestTrend> trends) {
    return ReportFolder.at(runFolder).addPage(PAGE, "Trends", "Gatling Stats - Trends", body(simulation, runId, trends));
  }

  static Element body(String simulation, String runId, List<TestTrend> trends) {
    Element b = Html.content().addClass("schema-container").attr("style", "display:block;padding:10px");
    b.appendText("\n");
    Html.block(b, "h2", "Trends");
    Html.block(b, "p", simulation + " run " + runId + " among the last " + TestTrend.MAX_RUNS + " runs of the same plan and "
        + "target (from the history CSV). This run is ringed; the dashed line is the baseline median, the shaded strip its "
        + "noise band (median \u00b1 3 MAD, or min..max below 5 runs); a regression is red.");
    trends.forEach(t -> test(b, t));
    return b;
  }

  private static void test(Element b, TestTrend t) {
    Html.block(b, "h3", t.test());
    Html.block(b, "p", "Baseline: " + t.baseline().description()
        + (t.baseline().usable() ? "" : " \u2013 " + t.baseline().missing()) + ".");
    Element charts = b.appendElement("div");
    b.appendText("\n");
    List<RunRecord> runs = t.runs();
    String first = date(runs.get(0));
    String last = date(runs.get(runs.size() - 1));
    for (Metric m : t.metrics()) {
      List<Double> values = runs.stream().map(r -> r.metrics().get(m.column())).toList();
      Verdict v = t.verdicts().get(m.column());
      boolean band = v != null && v.band() != null;
      TrendChart.append(charts, m.column(), values, band ? v.band().median() : null, band ? v.band().low() : null,
          band ? v.band().high() : null, regression(v), first, last);
    }
    Html.block(b, "h4", "This run against the baseline");
    Element vs = Html.table(b, List.of("figure", "this run", "baseline", "noise band", "worse by %", "verdict"));
    for (Metric m : t.metrics()) {
      Verdict v = t.verdicts().get(m.column());
      boolean band = v != null && v.band() != null;
      String verdict = v == null ? "not compared" : v.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
      Element row = Html.row(vs, List.of(m.column(), num(m.value()), band ? num(v.band().median()) : "\u2013",
          band ? num(v.band().low()) + " .. " + num(v.band().high()) : "\u2013",
          v == null || v.worsePct() == null || v.worsePct().isInfinite() ? "\u2013" : Html.number(v.worsePct()), verdict));
      if (regression(v)) {
        row.child(5).text("").appendElement("b").attr("style", "color:" + TrendChart.RED).text("regression");
      }
    }
    Html.block(b, "h4", "Runs");
    Element scroll = b.appendElement("div").attr("style", "overflow-x:auto");
    b.appendText("\n");
    List<String> header = new ArrayList<>(List.of("time (UTC)", "run id", "status", "commit", "server"));
    t.metrics().forEach(m -> header.add(m.column()));
    Element table = Html.table(scroll, header);
    for (int i = runs.size() - 1; i >= 0; i--) {
      RunRecord r = runs.get(i);
      boolean current = i == runs.size() - 1;
      List<String> cells = new ArrayList<>(List.of(r.time().toString(), r.runId() + (current ? " (this run)" : ""),
          r.status(), r.commit().length() > 12 ? r.commit().substring(0, 12) : r.commit(), r.serverVersion()));
      t.metrics().forEach(m -> cells.add(num(r.metrics().get(m.column()))));
      Element row = Html.row(table, cells);
      if (current) {
        row.child(1).attr("style", "font-weight:bold");
      }
    }
  }

  private static boolean regression(Verdict v) {
    return v != null && v.kind() == Verdict.Kind.REGRESSION;
  }

  private static String num(Double v) {
    return v == null ? "\u2013" : TrendChart.fmt(v);
  }

  private static String date(RunRecord r) {
    return r.time().toString().substring(0, 10);
  }
}

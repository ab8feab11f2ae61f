package io.sequela.report;

import io.sequela.history.Direction;
import io.sequela.history.Metric;
import io.sequela.history.RunRecord;
import io.sequela.history.TestTrend;
import io.sequela.history.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * {@code trends.html}, headline first: per test, the verdict's estimate over the last runs of the same plan and
 * target, with its interval per run where the history has one ({@link TestTrend#intervalColumns}), the baseline and
 * the gate's threshold drawn, this run ringed, a regression red; then the checked figures (p99, throughput, KOs,
 * inversions) as a small named set; every other figure and the table of runs folded under "all figures". Figures
 * carry human names, the history column in a tooltip. Runs of another experiment design are drawn hollow and marked
 * in the table. Added to every run folder and linked from every page's menu ({@link ReportFolder#addPage}).
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
    Element b = Html.page("Trends");
    for (TestTrend t : trends) {
      headlineMetrics(t).stream().findFirst().ifPresent(m -> Html.headline(b, t.test() + ": " + summary(t, m)));
    }
    Html.block(b, "p", simulation + " run " + runId + " among the last " + TestTrend.MAX_RUNS + " runs of the same plan and "
        + "target (from the history CSV), x axis: run number and time (UTC), the date where the day changes. This run is "
        + "ringed; the dashed line is the baseline median, the shaded strip its noise band (median \u00b1 3 MAD, or "
        + "min..max below 5 runs), the red dotted line where the regression gate fires (regression_pct_max worse than the "
        + "baseline median, and outside the band); a regression is red; a hollow point is a run of another experiment "
        + "design. Hover a name for its history column, a point for its run.");
    trends.forEach(t -> test(b, t));
    return b;
  }

  private static void test(Element b, TestTrend t) {
    Html.section(b, t.test());
    RunRecord current = t.current();
    Html.block(b, "p", "Baseline: " + t.baseline().description()
        + (t.baseline().usable() ? "" : " \u2013 " + t.baseline().missing()) + ". Gate: "
        + (t.regressionPctMax() == null ? "none (regression_pct_max not set)" : "regression_pct_max "
            + TrendChart.fmt(t.regressionPctMax()) + " %") + ". Design: "
        + (current.design().isEmpty() ? "none stamped" : current.design()) + ".");
    Set<String> columns = t.columns();
    List<Metric> headline = headlineMetrics(t);
    for (Metric m : headline) {
      Optional<TestTrend.IntervalColumns> iv = TestTrend.intervalColumns(m.column(), columns);
      Html.block(b, "p", iv.map(c -> TrendFigures.name(m, t.test()) + ": the estimate with its interval per run ("
              + c.low() + " .. " + c.high() + ").")
          .orElse(TrendFigures.name(m, t.test()) + ": the estimate alone (the history has no interval columns "
              + m.column() + "_low / " + m.column() + "_high for it)."));
      chart(b, t, m, iv, true);
    }
    compareLine(b, t);
    Html.block(b, "h4", "Checked figures");
    List<Metric> checked = t.metrics().stream().filter(m -> group(t, m, columns) == TrendFigures.Group.CHECKED).toList();
    Element charts = b.appendElement("div");
    b.appendText("\n");
    checked.forEach(m -> chart(charts, t, m, Optional.empty(), false));
    List<Metric> compared = new ArrayList<>(headline);
    compared.addAll(checked);
    versusBaseline(b, t, compared, "This run against the baseline");
    Element details = b.appendElement("details");
    b.appendText("\n");
    List<Metric> others = t.metrics().stream().filter(m -> group(t, m, columns) == TrendFigures.Group.OTHER).toList();
    details.appendElement("summary").text("All figures (" + t.metrics().size() + " history columns) and the runs");
    Element more = details.appendElement("div");
    others.forEach(m -> chart(more, t, m, Optional.empty(), false));
    versusBaseline(details, t, t.metrics(), "Every figure against the baseline");
    runs(details, t);
  }

  private static TrendFigures.Group group(TestTrend t, Metric m, Set<String> columns) {
    boolean isBound = t.metrics().stream().anyMatch(o -> TestTrend.intervalColumns(o.column(), columns)
        .map(c -> c.holds(m.column())).orElse(false));
    if (isBound) {
      return TrendFigures.Group.OTHER;
    }
    return TrendFigures.group(m, TestTrend.intervalColumns(m.column(), columns).isPresent());
  }

  /** The figures heading a test's trend, in column order. */
  static List<Metric> headlineMetrics(TestTrend t) {
    Set<String> columns = t.columns();
    return t.metrics().stream().filter(m -> group(t, m, columns) == TrendFigures.Group.HEADLINE).toList();
  }

  private static String summary(TestTrend t, Metric m) {
    Optional<TestTrend.IntervalColumns> iv = TestTrend.intervalColumns(m.column(), t.columns());
    RunRecord r = t.current();
    String s = TrendFigures.name(m, t.test()) + " " + num(m.value());
    if (iv.isPresent()) {
      s += " [" + num(r.metrics().get(iv.get().low())) + " .. " + num(r.metrics().get(iv.get().high())) + "]";
    }
    Verdict v = t.verdicts().get(m.column());
    if (v != null && v.band() != null) {
      s += "; baseline median " + num(v.band().median());
    }
    return s + "; " + verdictWord(v);
  }

  private static void chart(Element parent, TestTrend t, Metric m, Optional<TestTrend.IntervalColumns> iv, boolean large) {
    List<TrendChart.Point> points = new ArrayList<>();
    for (RunRecord r : t.runs()) {
      String time = r.time().toString();
      points.add(new TrendChart.Point(r.runId(), time.substring(0, 10), time.length() >= 19 ? time.substring(11, 19) : "",
          r.metrics().get(m.column()), iv.map(c -> r.metrics().get(c.low())).orElse(null),
          iv.map(c -> r.metrics().get(c.high())).orElse(null), t.otherDesign(r)));
    }
    Verdict v = t.verdicts().get(m.column());
    boolean band = v != null && v.band() != null;
    TrendChart.append(parent, new TrendChart.Spec(TrendFigures.name(m, t.test()), m.column(), points,
        band ? v.band().median() : null, band ? v.band().low() : null, band ? v.band().high() : null,
        band ? threshold(v.band().median(), m.direction(), t.regressionPctMax()) : null, regression(v), large));
  }

  /** Where the gate fires: the baseline median worsened by the threshold, or null without one. */
  static Double threshold(double median, Direction d, Double pct) {
    if (pct == null || d == Direction.NONE) {
      return null;
    }
    double delta = Math.abs(median) * pct / 100;
    return d == Direction.LOWER_IS_BETTER ? median + delta : median - delta;
  }

  private static void compareLine(Element b, TestTrend t) {
    List<RunRecord> base = t.baseline().runs();
    String other = !base.isEmpty() ? base.get(base.size() - 1).runId()
        : t.runs().size() > 1 ? t.runs().get(t.runs().size() - 2).runId() : null;
    if (other == null) {
      Html.block(b, "p", "Compare with the baseline: no earlier run to compare with yet.");
      return;
    }
    Element p = b.appendElement("p").addClass("compare").appendText("Compare with the baseline ("
        + (base.isEmpty() ? "the previous run" : "its newest run") + "): ");
    p.appendElement("code").text("sequela compare " + other + " " + t.current().runId());
    p.appendText(" writes compare.html into this run's folder and links it from this menu.");
    b.appendText("\n");
  }

  private static void versusBaseline(Element parent, TestTrend t, List<Metric> metrics, String heading) {
    Html.block(parent, "h4", heading);
    Element vs = Html.table(parent, List.of("figure", "this run", "baseline", "noise band", "worse by %", "verdict"));
    for (Metric m : metrics) {
      Verdict v = t.verdicts().get(m.column());
      boolean band = v != null && v.band() != null;
      Element row = Html.row(vs, List.of(TrendFigures.name(m, t.test()), num(m.value()), band ? num(v.band().median()) : "\u2013",
          band ? num(v.band().low()) + " .. " + num(v.band().high()) : "\u2013",
          v == null || v.worsePct() == null || v.worsePct().isInfinite() ? "\u2013" : Html.number(v.worsePct()),
          verdictWord(v)));
      row.child(0).attr("title", m.column());
      if (regression(v)) {
        row.child(5).text("").appendElement("b").attr("style", "color:" + TrendChart.RED).text("regression");
      }
    }
  }

  private static void runs(Element parent, TestTrend t) {
    Html.block(parent, "h4", "Runs");
    Element scroll = parent.appendElement("div").attr("style", "overflow-x:auto");
    List<String> header = new ArrayList<>(List.of("#", "time (UTC)", "run id", "status", "commit", "server", "design"));
    t.metrics().forEach(m -> header.add(TrendFigures.name(m, t.test())));
    Element table = Html.table(scroll, header);
    Element head = table.parent().selectFirst("thead tr");
    for (int i = 0; i < t.metrics().size(); i++) {
      head.child(7 + i).attr("title", t.metrics().get(i).column());
    }
    List<RunRecord> runs = t.runs();
    for (int i = runs.size() - 1; i >= 0; i--) {
      RunRecord r = runs.get(i);
      boolean current = i == runs.size() - 1;
      List<String> cells = new ArrayList<>(List.of("#" + (i + 1), r.time().toString(), r.runId() + (current ? " (this run)" : ""),
          r.status(), r.commit().length() > 12 ? r.commit().substring(0, 12) : r.commit(), r.serverVersion(),
          (r.design().isEmpty() ? "\u2013" : r.design()) + (t.otherDesign(r) ? " (other design)" : "")));
      t.metrics().forEach(m -> cells.add(num(r.metrics().get(m.column()))));
      Element row = Html.row(table, cells);
      if (current) {
        row.child(2).attr("style", "font-weight:bold");
      }
    }
  }

  private static String verdictWord(Verdict v) {
    return v == null ? "not compared" : v.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static boolean regression(Verdict v) {
    return v != null && v.kind() == Verdict.Kind.REGRESSION;
  }

  private static String num(Double v) {
    return v == null || v.isNaN() ? "\u2013" : TrendChart.fmt(v);
  }
}

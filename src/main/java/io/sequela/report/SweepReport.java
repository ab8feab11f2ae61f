package io.sequela.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sequela.SequelaException;
import io.sequela.config.SweepPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A sweep's page and JSON, {@code sweep.html} and {@code sweep.json}, written into the sweep's folder from the figures
 * handed to it ({@link SweepFigures}): the knee or tipping point first, then the heat map (SeqOrder) or the curves
 * (KeyGen), every cell in a table with its interval, and the design (the run order and its seed).
 */
public final class SweepReport {

  /** The page and JSON file names in the sweep's folder. */
  public static final String PAGE = "sweep.html";
  public static final String JSON = "sweep.json";
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).enable(SerializationFeature.INDENT_OUTPUT);

  private SweepReport() {}

  /**
   * Writes both files.
   *
   * @return the page and the JSON
   */
  public static List<Path> write(Path dir, SweepFigures f) {
    try {
      Files.createDirectories(dir);
      ObjectNode json = MAPPER.valueToTree(f);
      json.putPOJO("knee_lines", f.kneeLines());
      json.put("rule", rule(f));
      Path jsonFile = dir.resolve(JSON);
      MAPPER.writeValue(jsonFile.toFile(), json);
      Document d = Document.createShell("");
      d.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
      d.head().appendElement("meta").attr("charset", "utf-8");
      d.title("sequela - sweep " + f.runId());
      d.head().appendElement("style").appendText("body{font-family:sans-serif;font-size:14px;margin:0}"
          + "table{border-collapse:collapse;margin:6px 0}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}"
          + "th{background:#eee}");
      d.body().appendChild(body(f));
      Path page = dir.resolve(PAGE);
      Files.writeString(page, d.outerHtml(), StandardCharsets.UTF_8);
      return List.of(page, jsonFile);
    } catch (IOException e) {
      throw new SequelaException("cannot write " + dir.resolve(PAGE) + ": " + e.getMessage(), e);
    }
  }

  /** The rule the knee or tipping point follows, in words. */
  static String rule(SweepFigures f) {
    return f.simulation().equals(SweepPlan.SEQORDER)
        ? "knee: the smallest " + f.axes().get(0).key() + " at which the 95 % interval of ORDER minus NOORDER median latency"
            + " (the first test's) lies wholly above threshold_us = " + Html.number(f.thresholdUs()) + " \u00b5s"
        : "tipping point: the smallest " + f.axes().get(0).key() + " at which the 95 % interval of uuid4's minus seq's"
            + " inserts/s (paired blocks) lies wholly below 0 and uuid4's mean inserts/s is at most ratio = "
            + SweepFigures.percent(f.ratio()) + " of seq's";
  }

  static Element body(SweepFigures f) {
    boolean seqOrder = f.simulation().equals(SweepPlan.SEQORDER);
    long done = f.cells().stream().filter(SweepFigures.Cell::measured).count();
    Element page = Html.page("Sweep " + f.runId() + ": " + f.simulation() + ", " + axesText(f));
    List<String> knees = f.kneeLines();
    Html.headline(page, knees.get(0));
    for (String k : knees.subList(1, knees.size())) {
      Html.block(page, "p", k).attr("style", "font-weight:bold");
    }
    Html.block(page, "p", done + " of " + f.cells().size() + " cells measured. Rule: " + rule(f) + ".");
    Html.section(page, seqOrder ? "ORDER's cost per insert (\u00b5s)" : "Inserts/s and p99 against " + f.axes().get(0).key());
    if (seqOrder) {
      SweepCharts.heatMap(page, f);
    } else {
      SweepCharts.curves(page, f);
    }
    Html.section(page, "Cells");
    cellTable(page, f, seqOrder);
    Html.section(page, "Design");
    Html.block(page, "p", "Every cell is a full comparison of its own (one Gatling run: warm-up, balanced blocks, block-level"
        + " intervals; one history row). Cells ran in a shuffled order (seed " + f.seed() + "), so a drift of the machine over"
        + " the sweep does not line up with an axis: " + String.join(", ", f.order()) + ".");
    return page;
  }

  private static void cellTable(Element page, SweepFigures f, boolean seqOrder) {
    List<String> header = new ArrayList<>(f.axes().stream().map(SweepPlan.Axis::key).toList());
    if (seqOrder) {
      header.addAll(List.of("ORDER \u2212 NOORDER median (\u00b5s)", "95 % interval (\u00b5s)", "ORDER KO rate",
          "above threshold", "verdict", "cell run id"));
    } else {
      header.addAll(List.of("seq inserts/s [95 %]", "uuid4 inserts/s [95 %]", "uuid4 \u2212 seq inserts/s [95 %]",
          "seq p99 (\u00b5s)", "uuid4 p99 (\u00b5s)", "tipping rule met", "cell run id"));
    }
    Element body = Html.table(page, header);
    for (SweepFigures.Cell c : f.cells()) {
      List<String> row = new ArrayList<>(c.values().values().stream().map(Html::number).toList());
      if (!c.measured()) {
        row.add("not run yet");
        while (row.size() < header.size()) {
          row.add("");
        }
      } else if (seqOrder) {
        row.addAll(List.of(c.diff() == null ? "\u2013" : SweepCharts.signed(c.diff()), SweepCharts.range(c),
            c.koRate() == null ? "\u2013" : String.format(Locale.ROOT, "%.2f %%", c.koRate() * 100)
                + (c.koByCode().isEmpty() ? "" : " " + c.koByCode()),
            c.reached() ? "yes" : c.noMeasurableDifference() ? "no measurable difference" : "no",
            c.verdict() == null ? "\u2013" : c.verdict(), c.cellRunId()));
      } else {
        SweepFigures.Strategy seq = c.strategies().get("seq");
        SweepFigures.Strategy uuid4 = c.strategies().get("uuid4");
        row.addAll(List.of(rate(seq), rate(uuid4), c.diff() == null ? "\u2013"
                : SweepCharts.signed(c.diff()) + " " + SweepCharts.range(c),
            seq == null ? "\u2013" : Html.number(seq.p99Us()), uuid4 == null ? "\u2013" : Html.number(uuid4.p99Us()),
            c.reached() ? "yes" : c.noMeasurableDifference() ? "no (no measurable difference)" : "no",
            c.cellRunId()));
      }
      Element tr = Html.row(body, row);
      if (c.measured()) {
        // the cell's own Gatling run and sequela's pages, under runs/<cell>/ in the sweep's folder
        Element last = tr.child(tr.childrenSize() - 1);
        String id = last.text();
        last.text("").appendElement("a").attr("href", "runs/" + c.id() + "/").text(id.isEmpty() ? c.id() : id);
      }
    }
  }

  private static String rate(SweepFigures.Strategy s) {
    return s == null ? "\u2013" : Html.number(Math.round(s.insertsPerS())) + (s.low() == null ? " (no interval)"
        : " [" + Html.number(Math.round(s.low())) + ", " + Html.number(Math.round(s.high())) + "]");
  }

  private static String axesText(SweepFigures f) {
    return String.join(" x ", f.axes().stream().map(a -> a.key() + " " + a.values()).toList());
  }
}

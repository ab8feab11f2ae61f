package io.sequela.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sequela.SequelaException;
import io.sequela.config.SweepPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
      Path page = ReportFolder.writeStandalone(dir.resolve(PAGE), "sequela - sweep " + f.runId(), body(f));
      return List.of(page, jsonFile);
    } catch (IOException e) {
      throw new SequelaException("cannot write " + dir.resolve(PAGE) + ": " + e.getMessage(), e);
    }
  }

  /** The rule the knee or tipping point follows, in words. */
  static String rule(SweepFigures f) {
    return f.simulation().equals(SweepPlan.SEQORDER)
        ? "knee: the smallest " + f.axes().get(0).key() + " at which the 95 % interval of ORDER minus NOORDER median latency"
            + (f.tests().size() > 1 ? " (each test's own)" : "") + " lies wholly above threshold_us = "
            + Html.number(f.thresholdUs()) + " \u00b5s"
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
    if (seqOrder) {
      // every test of the plan ran in every cell: a heat map of each
      for (int t = 0; t < f.tests().size(); t++) {
        Html.section(page, "ORDER's cost per insert (\u00b5s)" + (f.tests().size() > 1 ? ", test " + f.tests().get(t) : ""));
        SweepCharts.heatMap(page, f, t);
      }
    } else {
      Html.section(page, "Inserts/s and p99 against " + f.axes().get(0).key());
      SweepCharts.curves(page, f);
    }
    Html.section(page, "Cells");
    cellTable(page, f, seqOrder);
    missingP99(page, f);
    Html.section(page, "Design");
    Html.block(page, "p", "Every cell is a full comparison of its own (one Gatling run: warm-up, balanced blocks, block-level"
        + " intervals; one history row). Cells ran in a shuffled order (seed " + f.seed() + "), so a drift of the machine over"
        + " the sweep does not line up with an axis: " + String.join(", ", f.order()) + ".");
    return page;
  }

  private static void cellTable(Element page, SweepFigures f, boolean seqOrder) {
    List<String> header = new ArrayList<>(f.axes().stream().map(SweepPlan.Axis::key).toList());
    boolean testColumn = seqOrder && f.tests().size() > 1;
    if (testColumn) {
      header.add("test");
    }
    if (seqOrder) {
      header.addAll(List.of("ORDER \u2212 NOORDER median (\u00b5s)", "95 % interval (\u00b5s)", "ORDER KO rate",
          "above threshold", "verdict", "cell run id"));
    } else {
      header.addAll(List.of("seq inserts/s [95 %]", "uuid4 inserts/s [95 %]", "uuid4 \u2212 seq inserts/s [95 %]",
          "seq p99 (\u00b5s)", "uuid4 p99 (\u00b5s)", "tipping rule met", "cell run id"));
    }
    Element body = Html.table(page, header);
    for (SweepFigures.Cell c : f.cells()) {
      for (int t = 0; t < (testColumn ? f.tests().size() : 1); t++) {
        cellRow(body, f, c, t, seqOrder, testColumn, header.size());
      }
    }
  }

  /** One row of the cells' table: a cell, or with several tests one test of a cell. */
  private static void cellRow(Element body, SweepFigures f, SweepFigures.Cell c, int t, boolean seqOrder,
      boolean testColumn, int columns) {
    List<String> row = new ArrayList<>(c.values().values().stream().map(Html::number).toList());
    if (testColumn) {
      row.add(f.tests().get(t));
    }
    SweepFigures.Difference d = c.difference(t);
    if (!c.measured() || d == null) {
      row.add(c.measured() ? "not in the cell's results" : "not run yet");
      while (row.size() < columns - 1) {
        row.add("");
      }
      row.add(c.measured() ? c.cellRunId() : "");
    } else if (seqOrder) {
      row.addAll(List.of(d.diff() == null ? "\u2013" : SweepCharts.signed(d.diff()), SweepCharts.range(d),
          d.koRate() == null ? "\u2013" : String.format(Locale.ROOT, "%.2f %%", d.koRate() * 100)
              + (d.koByCode().isEmpty() ? "" : " " + d.koByCode()),
          d.reached() ? "yes" : d.noMeasurableDifference() ? "no measurable difference" : "no",
          d.verdict() == null ? "\u2013" : d.verdict(), c.cellRunId()));
    } else {
      SweepFigures.Strategy seq = c.strategies().get("seq");
      SweepFigures.Strategy uuid4 = c.strategies().get("uuid4");
      row.addAll(List.of(rate(seq), rate(uuid4), d.diff() == null ? "\u2013"
              : SweepCharts.signed(d.diff()) + " " + SweepCharts.range(d), p99(seq), p99(uuid4),
          d.reached() ? "yes" : d.noMeasurableDifference() ? "no (no measurable difference)" : "no", c.cellRunId()));
    }
    Element tr = Html.row(body, row);
    if (c.measured()) {
      // the cell's own Gatling run and sequela's pages, under runs/<cell>/ in the sweep's folder
      Element last = tr.child(tr.childrenSize() - 1);
      String id = last.text();
      last.text("").appendElement("a").attr("href", "runs/" + c.id() + "/").text(id.isEmpty() ? c.id() : id);
    }
  }

  /** KeyGen: why a strategy of a cell has no p99, one line each (its results' note, or that they give none). */
  private static void missingP99(Element page, SweepFigures f) {
    for (SweepFigures.Cell c : f.cells()) {
      c.strategies().forEach((name, s) -> {
        if (s.p99Us() == null) {
          Html.block(page, "p", c.values().entrySet().stream().map(e -> e.getKey() + " = " + Html.number(e.getValue()))
              .collect(java.util.stream.Collectors.joining(", ")) + ": " + name + " has no p99: " + (s.note() == null
                  ? "its cell's key-generation.json gives none" : s.note()));
        }
      });
    }
  }

  private static String p99(SweepFigures.Strategy s) {
    return s == null ? "\u2013" : s.p99Us() == null ? "none (below)" : Html.number(s.p99Us());
  }

  private static String rate(SweepFigures.Strategy s) {
    return s == null ? "\u2013" : Html.number(Math.round(s.insertsPerS())) + (s.low() == null ? " (no interval)"
        : " [" + Html.number(Math.round(s.low())) + ", " + Html.number(Math.round(s.high())) + "]");
  }

  private static String axesText(SweepFigures f) {
    return String.join(" x ", f.axes().stream().map(a -> a.key() + " " + a.values()).toList());
  }
}

package io.sequela.report;

import io.sequela.config.SweepPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * The sweep page's charts: SeqOrder's heat map (first axis across, second down, colour = ORDER's cost per insert)
 * and KeyGen's curves (inserts/s and p99 per strategy against the first axis, one chart per value of the second).
 */
final class SweepCharts {

  private static final int CELL_W = 140;
  private static final int CELL_H = 54;
  private static final int LEFT = 150;
  private static final int TOP = 40;

  private SweepCharts() {}

  /** The heat map of test {@code t} (its index in the plan), or a line saying no cell has a result yet. */
  static Element heatMap(Element parent, SweepFigures f, int t) {
    if (f.cells().stream().noneMatch(SweepFigures.Cell::measured)) {
      return SvgCharts.noData(parent, "No cell has a result yet: nothing to draw.");
    }
    SweepPlan.Axis x = f.axes().get(0);
    List<Long> xs = x.values().stream().sorted().toList();
    List<Long> ys = f.axes().size() > 1 ? f.axes().get(1).values().stream().sorted().toList() : List.of();
    int rows = Math.max(1, ys.size());
    int w = LEFT + CELL_W * xs.size() + 20;
    int h = TOP + CELL_H * rows + 30;
    Element svg = parent.appendElement("svg");
    parent.appendText("\n");
    svg.attributes().put("xmlns", "http://www.w3.org/2000/svg").put("width", Integer.toString(w))
        .put("height", Integer.toString(h)).put("viewBox", "0 0 " + w + " " + h).put("font-family", "sans-serif")
        .put("font-size", "11").put("style", "background:#fff");
    double maxAbs = f.cells().stream().map(c -> c.difference(t))
        .filter(d -> d != null && d.diff() != null && !d.noMeasurableDifference())
        .mapToDouble(d -> Math.abs(d.diff())).max().orElse(1);
    text(svg, LEFT + CELL_W * xs.size() / 2.0, 14, "middle", x.key() + " \u2192");
    if (!ys.isEmpty()) {
      text(svg, 6, TOP - 6, "start", f.axes().get(1).key() + " \u2193");
    }
    for (int i = 0; i < xs.size(); i++) {
      text(svg, LEFT + CELL_W * (i + 0.5), TOP - 6, "middle", Html.number(xs.get(i)));
    }
    for (int j = 0; j < rows; j++) {
      Long y = ys.isEmpty() ? null : ys.get(j);
      if (y != null) {
        text(svg, LEFT - 8, TOP + CELL_H * (j + 0.5) + 4, "end", Html.number(y));
      }
      for (int i = 0; i < xs.size(); i++) {
        SweepFigures.Cell c = cell(f, x.key(), xs.get(i), y);
        cellBox(svg, c, c == null ? null : c.difference(t), LEFT + CELL_W * i, TOP + CELL_H * j, maxAbs);
      }
    }
    text(svg, 6, h - 8, "start", "colour: ORDER \u2212 NOORDER median latency, \u00b5s (red: ORDER costs, blue: saves);"
        + " grey: no measurable difference (the 95 % interval includes 0)");
    return svg;
  }

  /** One cell of the heat map: the cell's difference in one test ({@code d}), or "not run". */
  private static void cellBox(Element svg, SweepFigures.Cell c, SweepFigures.Difference d, int x, int y, double maxAbs) {
    String fill = "#ffffff";
    List<String> lines = new ArrayList<>();
    if (c == null || !c.measured()) {
      lines.add("not run");
    } else if (d == null || d.diff() == null) {
      fill = "#f4f4f4";
      lines.add("no verdict");
    } else if (d.noMeasurableDifference()) {
      fill = "#dddddd";
      lines.add("no measurable");
      lines.add("difference");
      lines.add(range(d));
    } else {
      double t = Math.min(1, Math.abs(d.diff()) / maxAbs);
      int fade = (int) Math.round(230 - 180 * t);
      fill = d.diff() > 0 ? String.format(Locale.ROOT, "#ff%02x%02x", fade, fade)
          : String.format(Locale.ROOT, "#%02x%02xff", fade, fade);
      lines.add(signed(d.diff()) + " \u00b5s");
      lines.add(range(d));
    }
    if (d != null && d.koRate() != null && d.koRate() > 0) {
      lines.add("ORDER KO " + String.format(Locale.ROOT, "%.1f %%", d.koRate() * 100) + " " + d.koByCode().keySet());
    }
    boolean reached = d != null && d.reached();
    Element r = SvgCharts.shape(svg, "rect", "x", SvgCharts.num(x + 1), "y", SvgCharts.num(y + 1), "width",
        SvgCharts.num(CELL_W - 2), "height", SvgCharts.num(CELL_H - 2), "fill", fill, "stroke", reached ? "#000" : "#bbb",
        "stroke-width", reached ? "2" : "1");
    if (c != null) {
      r.appendElement("title").text(c.values() + (d == null || d.verdict() == null ? "" : ": " + d.verdict()));
    }
    for (int k = 0; k < lines.size(); k++) {
      text(svg, x + CELL_W / 2.0, y + 15 + 12 * k, "middle", lines.get(k));
    }
  }

  /** KeyGen: inserts/s and p99 per strategy against the first axis, per value of the second axis. */
  static void curves(Element page, SweepFigures f) {
    SweepPlan.Axis x = f.axes().get(0);
    List<Long> xs = x.values().stream().sorted().toList();
    boolean logX = xs.get(0) > 0 && xs.get(xs.size() - 1) >= 100.0 * xs.get(0);
    List<SvgCharts.Tick> ticks = xs.stream().map(v -> new SvgCharts.Tick(logX ? Math.log10(v) : v, Html.number(v))).toList();
    List<Long> ys = f.axes().size() > 1 ? f.axes().get(1).values() : java.util.Collections.singletonList(null);
    for (Long y : ys) {
      String where = y == null ? "" : " at " + f.axes().get(1).key() + " = " + Html.number(y);
      List<String> names = f.cells().stream().filter(c -> y == null || y.equals(c.values().get(f.axes().get(1).key())))
          .flatMap(c -> c.strategies().keySet().stream()).distinct().toList();
      List<SvgCharts.Line> rate = new ArrayList<>();
      List<SvgCharts.Line> p99 = new ArrayList<>();
      for (int s = 0; s < names.size(); s++) {
        String name = names.get(s);
        List<double[]> mean = new ArrayList<>();
        List<double[]> low = new ArrayList<>();
        List<double[]> high = new ArrayList<>();
        List<double[]> tail = new ArrayList<>();
        for (Long v : xs) {
          SweepFigures.Cell c = cell(f, x.key(), v, y);
          SweepFigures.Strategy st = c == null ? null : c.strategies().get(name);
          if (st == null) {
            continue;
          }
          double px = logX ? Math.log10(v) : v;
          mean.add(new double[] {px, st.insertsPerS()});
          if (st.low() != null && st.high() != null) {
            low.add(new double[] {px, st.low()});
            high.add(new double[] {px, st.high()});
          }
          if (st.p99Us() != null) {
            tail.add(new double[] {px, st.p99Us()});
          }
        }
        rate.add(new SvgCharts.Line(name, mean, s, false));
        if (name.equals("seq") || name.equals("uuid4")) {
          rate.add(new SvgCharts.Line(name + " 95 % low", low, s, true));
          rate.add(new SvgCharts.Line(name + " 95 % high", high, s, true));
        }
        p99.add(new SvgCharts.Line(name, tail, s, false));
      }
      rate.removeIf(l -> l.points().isEmpty());
      p99.removeIf(l -> l.points().isEmpty());
      Html.block(page, "p", "Inserts/s per strategy (mean over its blocks; dashed: the 95 % interval from the blocks, for"
          + " seq and uuid4)" + where + (logX ? ", " + x.key() + " on a log scale" : "") + ".");
      SvgCharts.lines(page, rate, ticks, x.key(), "inserts/s", false);
      Html.block(page, "p", "p99 latency per strategy, \u00b5s (median over its blocks, log scale)" + where + ".");
      SvgCharts.lines(page, p99, ticks, x.key(), "p99 \u00b5s", true);
    }
  }

  static SweepFigures.Cell cell(SweepFigures f, String xKey, Long x, Long y) {
    String yKey = f.axes().size() > 1 ? f.axes().get(1).key() : null;
    return f.cells().stream().filter(c -> x.equals(c.values().get(xKey))
        && (yKey == null || y.equals(c.values().get(yKey)))).findFirst().orElse(null);
  }

  static String range(SweepFigures.Difference d) {
    return d.low() == null || d.high() == null ? "no interval" : "[" + signed(d.low()) + ", " + signed(d.high()) + "]";
  }

  static String signed(double v) {
    return String.format(Locale.ROOT, "%+,.1f", v);
  }

  private static void text(Element svg, double x, double y, String anchor, String s) {
    SvgCharts.shape(svg, "text", "x", SvgCharts.num(x), "y", SvgCharts.num(y), "text-anchor", anchor).text(s);
  }
}

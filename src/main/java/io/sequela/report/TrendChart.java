package io.sequela.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * An inline SVG line chart of one figure over runs (no script, no CDN): the values in run order, each run's
 * interval as a vertical bar where the history has one, the baseline median as a dashed line, its noise band as a
 * shaded strip, the gate's threshold as a red dotted line, the current run (the last) ringed, red when it is a
 * regression, and runs of another experiment design hollow. The x axis names each run by its index and clock time
 * (the date under it where the day changes), so runs of one day are told apart. A figure no run measured is one line
 * saying so, never an empty chart.
 */
final class TrendChart {

  static final String RED = "#d9534f";
  private static final String BLUE = "#4572a7";
  private static final int LEFT = 64;
  private static final int RIGHT = 14;
  private static final int TOP = 24;
  private static final int BOTTOM = 34;

  private TrendChart() {}

  /**
   * One run on the chart.
   *
   * @param runId the run's id, for the tooltip
   * @param day its date, UTC, e.g. {@code 2026-12-05}
   * @param clock its time of day, UTC, e.g. {@code 14:02:11}
   * @param value the figure, or null where the run did not measure it
   * @param low the interval's lower end, or null
   * @param high the interval's upper end, or null
   * @param otherDesign true when the run ran another experiment design than the current run
   */
  record Point(String runId, String day, String clock, Double value, Double low, Double high, boolean otherDesign) {

    boolean measured() {
      return value != null && !value.isInfinite() && !value.isNaN();
    }

    boolean hasInterval() {
      return measured() && low != null && high != null && !low.isNaN() && !high.isNaN();
    }
  }

  /**
   * What to draw.
   *
   * @param title the figure's human name, e.g. {@code ORDER p99 (µs), node 1}
   * @param column its history column, shown as the title's tooltip
   * @param points the runs, oldest first, the current run last
   * @param baseline the baseline median, or null
   * @param bandLow lower edge of the noise band, or null
   * @param bandHigh upper edge of the noise band, or null
   * @param threshold where the gate fires (the baseline median worsened by regression_pct_max), or null
   * @param regression true to draw the current run in red
   * @param large true for a full-width headline chart, false for a small one
   */
  record Spec(String title, String column, List<Point> points, Double baseline, Double bandLow, Double bandHigh,
      Double threshold, boolean regression, boolean large) {}

  /**
   * Appends the chart, or a line saying that no run measured the figure.
   *
   * @return the svg element, or the paragraph that replaces it
   */
  static Element append(Element parent, Spec s) {
    List<Point> pts = s.points();
    if (pts.stream().noneMatch(Point::measured)) {
      Element p = Html.block(parent, "p", s.title() + ": not measured in these runs.").addClass("no-data");
      p.attr("title", s.column());
      return p;
    }
    int w = s.large() ? 760 : 360;
    int h = s.large() ? 260 : 170;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    List<Double> all = new ArrayList<>();
    for (Point p : pts) {
      if (p.measured()) {
        all.add(p.value());
        if (p.hasInterval()) {
          all.add(p.low());
          all.add(p.high());
        }
      }
    }
    for (Double v : new Double[] {s.baseline(), s.bandLow(), s.bandHigh(), s.threshold()}) {
      if (v != null && !v.isInfinite() && !v.isNaN()) {
        all.add(v);
      }
    }
    for (double v : all) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (lo == hi) {
      lo -= Math.max(1, Math.abs(lo) * 0.1);
      hi += Math.max(1, Math.abs(hi) * 0.1);
    }
    Frame f = new Frame(w, h, lo, hi, pts.size());
    Element svg = parent.appendElement("svg").addClass("sequela-trend");
    parent.appendText("\n");
    // put, not attr: attr would write the name in lower case, and SVG attribute names are case-sensitive
    svg.attributes().put("xmlns", "http://www.w3.org/2000/svg").put("width", Integer.toString(w))
        .put("height", Integer.toString(h)).put("viewBox", "0 0 " + w + " " + h).put("font-family", "sans-serif")
        .put("style", "background:#fff;margin:4px");
    Element title = SvgCharts.shape(svg, "text", "x", SvgCharts.num(LEFT), "y", "15", "font-size", s.large() ? "14" : "12",
        "font-weight", "bold", "fill", s.regression() ? RED : "#333");
    title.appendText(s.title() + (s.regression() ? " (regression)" : ""));
    title.appendElement("title").text(s.column());
    if (s.bandLow() != null && s.bandHigh() != null) {
      double y1 = f.y(s.bandHigh());
      SvgCharts.shape(svg, "rect", "class", "band", "x", SvgCharts.num(LEFT), "y", SvgCharts.num(y1), "width",
          SvgCharts.num(w - LEFT - RIGHT), "height", SvgCharts.num(Math.max(1, f.y(s.bandLow()) - y1)), "fill", "#e3ecf7")
          .appendElement("title").text("baseline noise band " + fmt(s.bandLow()) + " .. " + fmt(s.bandHigh()));
    }
    if (s.baseline() != null) {
      horizontal(svg, f, s.baseline(), "baseline", "#888", "4 3", "baseline " + fmt(s.baseline()));
    }
    if (s.threshold() != null && !s.threshold().isInfinite()) {
      horizontal(svg, f, s.threshold(), "threshold", RED, "2 2", "gate " + fmt(s.threshold()));
    }
    axes(svg, f, pts);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < pts.size(); i++) {
      if (pts.get(i).measured()) {
        line.append(SvgCharts.num(f.x(i))).append(',').append(SvgCharts.num(f.y(pts.get(i).value()))).append(' ');
      }
    }
    SvgCharts.shape(svg, "polyline", "fill", "none", "stroke", BLUE, "stroke-width", "1.5", "points", line.toString().strip());
    for (int i = 0; i < pts.size(); i++) {
      point(svg, f, pts.get(i), i, i == pts.size() - 1, s.regression());
    }
    return svg;
  }

  private static void point(Element svg, Frame f, Point p, int i, boolean current, boolean regression) {
    if (!p.measured()) {
      return;
    }
    String colour = current && regression ? RED : BLUE;
    String x = SvgCharts.num(f.x(i));
    if (p.hasInterval()) {
      double yl = f.y(p.low());
      double yh = f.y(p.high());
      SvgCharts.shape(svg, "line", "class", "interval", "x1", x, "y1", SvgCharts.num(yl), "x2", x, "y2", SvgCharts.num(yh),
          "stroke", colour, "stroke-width", "2", "stroke-opacity", "0.6");
      for (double y : new double[] {yl, yh}) {
        SvgCharts.shape(svg, "line", "x1", SvgCharts.num(f.x(i) - 4), "y1", SvgCharts.num(y), "x2", SvgCharts.num(f.x(i) + 4),
            "y2", SvgCharts.num(y), "stroke", colour, "stroke-opacity", "0.6");
      }
    }
    Element c = SvgCharts.shape(svg, "circle", "cx", x, "cy", SvgCharts.num(f.y(p.value())), "r", current ? "5.5" : "3",
        "fill", p.otherDesign() ? "#fff" : colour, "stroke", p.otherDesign() ? "#999" : colour);
    if (current) {
      c.attr("class", "current").attr("stroke", "#000").attr("stroke-width", "2");
    } else if (p.otherDesign()) {
      c.attr("class", "other-design");
    }
    c.appendElement("title").text(p.runId() + ", " + p.day() + " " + p.clock() + " UTC: " + fmt(p.value())
        + (p.hasInterval() ? " [" + fmt(p.low()) + " .. " + fmt(p.high()) + "]" : "")
        + (current ? " (this run)" : "") + (p.otherDesign() ? " (another experiment design)" : ""));
  }

  private static void horizontal(Element svg, Frame f, double v, String cls, String colour, String dash, String tip) {
    double y = f.y(v);
    SvgCharts.shape(svg, "line", "class", cls, "x1", SvgCharts.num(LEFT), "y1", SvgCharts.num(y), "x2",
        SvgCharts.num(f.w - RIGHT), "y2", SvgCharts.num(y), "stroke", colour, "stroke-dasharray", dash)
        .appendElement("title").text(tip);
  }

  /** Axes, min and max on y, and per labelled run its index and clock time, the date where the day changes. */
  private static void axes(Element svg, Frame f, List<Point> pts) {
    SvgCharts.shape(svg, "line", "x1", SvgCharts.num(LEFT), "y1", SvgCharts.num(f.h - BOTTOM), "x2",
        SvgCharts.num(f.w - RIGHT), "y2", SvgCharts.num(f.h - BOTTOM), "stroke", "#888");
    SvgCharts.shape(svg, "line", "x1", SvgCharts.num(LEFT), "y1", SvgCharts.num(TOP), "x2", SvgCharts.num(LEFT), "y2",
        SvgCharts.num(f.h - BOTTOM), "stroke", "#888");
    label(svg, LEFT - 4, TOP + 8, "end", fmt(f.hi));
    label(svg, LEFT - 4, f.h - BOTTOM, "end", fmt(f.lo));
    int room = Math.max(1, (f.w - LEFT - RIGHT) / 70);
    int step = (int) Math.ceil(pts.size() / (double) room);
    String lastDay = null;
    for (int i = 0; i < pts.size(); i++) {
      boolean last = i == pts.size() - 1;
      boolean crowdsLast = !last && pts.size() - 1 - i < step * 0.6;
      if (!last && (i % step != 0 || crowdsLast)) {
        continue;
      }
      Point p = pts.get(i);
      String anchor = pts.size() == 1 ? "middle" : i == 0 ? "start" : last ? "end" : "middle";
      label(svg, f.x(i), f.h - BOTTOM + 12, anchor, "#" + (i + 1) + " " + p.clock().substring(0, Math.min(5, p.clock().length())));
      if (!p.day().equals(lastDay)) {
        label(svg, f.x(i), f.h - BOTTOM + 24, anchor, p.day());
        lastDay = p.day();
      }
    }
  }

  private static void label(Element svg, double x, double y, String anchor, String s) {
    SvgCharts.shape(svg, "text", "x", SvgCharts.num(x), "y", SvgCharts.num(y), "font-size", "10", "text-anchor", anchor).text(s);
  }

  /** A figure for labels and cells: whole numbers with thousands separators, others with 2 decimals. */
  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
        : String.format(Locale.ROOT, "%,.2f", v);
  }

  /** The plot's size and value range. */
  private record Frame(int w, int h, double lo, double hi, int n) {

    double x(int i) {
      return LEFT + (n <= 1 ? 0.5 : i / (double) (n - 1)) * (w - LEFT - RIGHT);
    }

    double y(double v) {
      return h - BOTTOM - (v - lo) / (hi - lo) * (h - TOP - BOTTOM);
    }
  }
}

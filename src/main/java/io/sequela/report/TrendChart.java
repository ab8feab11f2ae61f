package io.sequela.report;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * A small inline SVG line chart of one figure over runs (no script, no CDN): the values in run order, the
 * baseline median as a dashed line, its noise band as a shaded strip, the current run (the last) as a larger
 * ringed point, red when it is a regression.
 */
final class TrendChart {

  static final String RED = "#d9534f";
  private static final String BLUE = "#4572a7";
  private static final int W = 340;
  private static final int H = 150;
  private static final int LEFT = 60;
  private static final int RIGHT = 12;
  private static final int TOP = 22;
  private static final int BOTTOM = 22;

  private TrendChart() {}

  /**
   * Appends the chart.
   *
   * @param title the figure, e.g. {@code order_node1_p99_us}
   * @param values per run, oldest first, the current run last; null where a run did not measure it
   * @param baseline the baseline median, or null
   * @param bandLow lower edge of the noise band, or null
   * @param bandHigh upper edge of the noise band, or null
   * @param regression true to draw the current run in red
   * @param xFirst label under the first run, e.g. its date
   * @param xLast label under the last run
   * @return the svg element
   */
  static Element append(Element parent, String title, List<Double> values, Double baseline, Double bandLow, Double bandHigh,
      boolean regression, String xFirst, String xLast) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Double v : values) {
      if (v != null && !v.isInfinite()) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    for (Double v : new Double[] {baseline, bandLow, bandHigh}) {
      if (v != null) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (lo > hi) {
      lo = 0;
      hi = 1;
    }
    if (lo == hi) {
      lo -= Math.max(1, Math.abs(lo) * 0.1);
      hi += Math.max(1, Math.abs(hi) * 0.1);
    }
    Element svg = parent.appendElement("svg").addClass("sequela-trend");
    parent.appendText("\n");
    // put, not attr: attr would write the name in lower case, and SVG attribute names are case-sensitive
    svg.attributes().put("xmlns", "http://www.w3.org/2000/svg").put("width", Integer.toString(W))
        .put("height", Integer.toString(H)).put("viewBox", "0 0 " + W + " " + H).put("font-family", "sans-serif")
        .put("style", "background:#fff;margin:4px");
    SvgCharts.shape(svg, "text", "x", SvgCharts.num(LEFT), "y", "14", "font-size", "12", "font-weight", "bold", "fill", regression ? RED : "#333")
        .text(title + (regression ? " (regression)" : ""));
    if (bandLow != null && bandHigh != null) {
      double y1 = y(bandHigh, lo, hi);
      double y0 = y(bandLow, lo, hi);
      SvgCharts.shape(svg, "rect", "class", "band", "x", SvgCharts.num(LEFT), "y", SvgCharts.num(y1), "width", SvgCharts.num(W - LEFT - RIGHT),
          "height", SvgCharts.num(Math.max(1, y0 - y1)), "fill", "#e3ecf7");
    }
    if (baseline != null) {
      double yb = y(baseline, lo, hi);
      SvgCharts.shape(svg, "line", "class", "baseline", "x1", SvgCharts.num(LEFT), "y1", SvgCharts.num(yb), "x2", SvgCharts.num(W - RIGHT), "y2", SvgCharts.num(yb),
          "stroke", "#888", "stroke-dasharray", "4 3");
    }
    SvgCharts.shape(svg, "line", "x1", SvgCharts.num(LEFT), "y1", SvgCharts.num(H - BOTTOM), "x2", SvgCharts.num(W - RIGHT), "y2", SvgCharts.num(H - BOTTOM), "stroke", "#888");
    SvgCharts.shape(svg, "line", "x1", SvgCharts.num(LEFT), "y1", SvgCharts.num(TOP), "x2", SvgCharts.num(LEFT), "y2", SvgCharts.num(H - BOTTOM), "stroke", "#888");
    label(svg, LEFT - 4, TOP + 8, "end", fmt(hi));
    label(svg, LEFT - 4, H - BOTTOM, "end", fmt(lo));
    label(svg, LEFT, H - 6, "start", xFirst);
    label(svg, W - RIGHT, H - 6, "end", xLast);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      Double v = values.get(i);
      if (v != null && !v.isInfinite()) {
        line.append(SvgCharts.num(x(i, values.size()))).append(',').append(SvgCharts.num(y(v, lo, hi))).append(' ');
      }
    }
    SvgCharts.shape(svg, "polyline", "fill", "none", "stroke", BLUE, "stroke-width", "1.5", "points", line.toString().strip());
    for (int i = 0; i < values.size(); i++) {
      Double v = values.get(i);
      if (v == null || v.isInfinite()) {
        continue;
      }
      boolean current = i == values.size() - 1;
      Element c = SvgCharts.shape(svg, "circle", "cx", SvgCharts.num(x(i, values.size())), "cy", SvgCharts.num(y(v, lo, hi)), "r", current ? "5" : "2.5",
          "fill", current && regression ? RED : BLUE);
      if (current) {
        c.attr("class", "current").attr("stroke", "#000").attr("stroke-width", "1.5");
      }
      c.appendElement("title").text(fmt(v) + (current ? " (this run)" : ""));
    }
    return svg;
  }

  private static double x(int i, int n) {
    return LEFT + (n <= 1 ? 0.5 : i / (double) (n - 1)) * (W - LEFT - RIGHT);
  }

  private static double y(double v, double lo, double hi) {
    return H - BOTTOM - (v - lo) / (hi - lo) * (H - TOP - BOTTOM);
  }

  private static void label(Element svg, double x, double y, String anchor, String s) {
    SvgCharts.shape(svg, "text", "x", SvgCharts.num(x), "y", SvgCharts.num(y), "font-size", "10", "text-anchor", anchor).text(s);
  }

  /** A figure for labels and cells: whole numbers with thousands separators, others with 2 decimals. */
  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
        : String.format(Locale.ROOT, "%,.2f", v);
  }
}

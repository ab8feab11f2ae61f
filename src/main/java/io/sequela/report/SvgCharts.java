package io.sequela.report;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Small inline SVG charts for report pages, built as jsoup elements (labels are text, escaped when the page
 * is written): drawn offline, no script, no CDN. Series colours follow {@link #color(int)}. A chart with nothing to
 * draw is never an empty frame: it is one line saying so ({@link #noData}), so callers check their data or let the
 * chart say it.
 */
final class SvgCharts {

  private static final String[] PALETTE = {"#4572a7", "#f15b4f", "#68b65c", "#ffa900", "#9b59b6", "#2ab7ca", "#8d6e63"};
  private static final int W = 720;
  private static final int H = 300;
  private static final int LEFT = 80;
  private static final int BOTTOM = 40;
  private static final int TOP = 20;
  private static final int RIGHT = 20;

  private SvgCharts() {}

  /**
   * A point of a scatter chart.
   *
   * @param x horizontal value, in the chart's x unit
   * @param y vertical value
   * @param series index of the series, which chooses the colour
   */
  public record Point(double x, double y, int series) {}

  /** The colour of series {@code i} (0-based), cycling through a fixed palette. */
  public static String color(int i) {
    return PALETTE[Math.floorMod(i, PALETTE.length)];
  }

  /**
   * Appends a scatter chart with min and max labels on both axes and a legend.
   *
   * @param points the points; an empty list gives a line saying there is nothing to draw
   * @param seriesNames legend text per series index
   * @return the {@code svg} element, or the line that replaces it
   */
  public static Element scatter(Element parent, List<Point> points, List<String> seriesNames, String xLabel, String yLabel) {
    if (points.isEmpty()) {
      return noData(parent, "No points to draw (" + yLabel + ").");
    }
    double x0 = points.stream().mapToDouble(Point::x).min().orElse(0);
    double x1 = points.stream().mapToDouble(Point::x).max().orElse(1);
    double y0 = points.stream().mapToDouble(Point::y).min().orElse(0);
    double y1 = points.stream().mapToDouble(Point::y).max().orElse(1);
    Element svg = open(parent);
    axes(svg, fmt(x0), fmt(x1), fmt(y0), fmt(y1), xLabel, yLabel);
    for (Point p : points) {
      shape(svg, "circle", "cx", num(sx(p.x(), x0, x1)), "cy", num(sy(p.y(), y0, y1)), "r", "1.8", "fill", color(p.series()));
    }
    legend(svg, seriesNames);
    return svg;
  }

  /**
   * Appends a bar chart of one or more series side by side per category.
   *
   * @param categories the labels under the groups of bars
   * @param series values per series (outer) and category (inner); each inner list as long as categories
   * @param seriesNames legend text per series
   * @return the {@code svg} element, or a line saying so when every value is 0 or missing
   */
  public static Element bars(Element parent, List<String> categories, List<List<Double>> series, List<String> seriesNames,
      String yLabel) {
    double max = series.stream().flatMap(List::stream).mapToDouble(v -> v == null ? 0 : v).max().orElse(0);
    if (max <= 0) {
      return noData(parent, "Nothing to draw: every value is 0 or missing (" + yLabel + ").");
    }
    double top = max <= 0 ? 1 : max;
    Element svg = open(parent);
    axes(svg, "", "", "0", fmt(top), "", yLabel);
    double group = (W - LEFT - RIGHT) / (double) Math.max(1, categories.size());
    double bar = group * 0.8 / Math.max(1, series.size());
    for (int c = 0; c < categories.size(); c++) {
      double gx = LEFT + c * group + group * 0.1;
      for (int s = 0; s < series.size(); s++) {
        Double v = series.get(s).get(c);
        double h = v == null ? 0 : (H - TOP - BOTTOM) * v / top;
        shape(svg, "rect", "x", num(gx + s * bar), "y", num(H - BOTTOM - h), "width", num(Math.max(1, bar - 2)),
            "height", num(h), "fill", color(s))
            .appendElement("title").text(seriesNames.get(s) + " " + categories.get(c) + ": " + (v == null ? "-" : fmt(v)));
      }
      text(svg, gx + group * 0.4, H - BOTTOM + 14, "middle", categories.get(c));
    }
    legend(svg, seriesNames);
    return svg;
  }

  /**
   * A line of a line chart.
   *
   * @param name legend text
   * @param points (x, y) pairs in x order
   * @param color colour index ({@link #color(int)})
   * @param dashed true for a dashed line
   */
  public record Line(String name, List<double[]> points, int color, boolean dashed) {}

  /**
   * A labelled mark on an axis.
   *
   * @param at the value, in the axis' unit (before any log scale)
   * @param label the text under or beside it
   */
  public record Tick(double at, String label) {}

  /**
   * Appends a line chart, its legend under the plot (one entry per line, several rows when needed).
   *
   * @param xTicks marks on the x axis; empty: its first and last value
   * @param logY true for a log10 y axis with a mark at every power of 10 (values must be > 0; others are left out)
   * @return the {@code svg} element, or a line saying so when no line has a point to draw
   */
  public static Element lines(Element parent, List<Line> lines, List<Tick> xTicks, String xLabel, String yLabel,
      boolean logY) {
    java.util.function.DoubleUnaryOperator fy = logY ? Math::log10 : v -> v;
    List<double[]> all = lines.stream().flatMap(l -> l.points().stream()).filter(p -> !logY || p[1] > 0).toList();
    if (all.isEmpty()) {
      return noData(parent, "No points to draw (" + yLabel + ").");
    }
    double x0 = all.stream().mapToDouble(p -> p[0]).min().orElse(0);
    double x1 = all.stream().mapToDouble(p -> p[0]).max().orElse(1);
    for (Tick t : xTicks) {
      x0 = Math.min(x0, t.at());
      x1 = Math.max(x1, t.at());
    }
    double y0 = all.stream().mapToDouble(p -> fy.applyAsDouble(p[1])).min().orElse(0);
    double y1 = all.stream().mapToDouble(p -> fy.applyAsDouble(p[1])).max().orElse(1);
    if (logY) {
      y0 = Math.floor(y0);
      y1 = Math.max(Math.ceil(y1), y0 + 1);
    }
    int rows = (lines.size() + 3) / 4;
    Element svg = open(parent, H + 14 * rows);
    axes(svg, xTicks.isEmpty() ? fmt(x0) : "", xTicks.isEmpty() ? fmt(x1) : "", logY ? "" : fmt(y0), logY ? "" : fmt(y1),
        xLabel, yLabel);
    for (Tick t : xTicks) {
      text(svg, sx(t.at(), x0, x1), H - BOTTOM + 14, "middle", t.label());
    }
    for (double d = y0; logY && d <= y1; d++) {
      double y = sy(d, y0, y1);
      shape(svg, "line", "x1", num(LEFT), "y1", num(y), "x2", num(W - RIGHT), "y2", num(y), "stroke", "#eee");
      text(svg, LEFT - 4, y + 4, "end", fmt(Math.pow(10, d)));
    }
    for (Line l : lines) {
      StringBuilder pts = new StringBuilder();
      for (double[] p : l.points()) {
        if (!logY || p[1] > 0) {
          pts.append(num(sx(p[0], x0, x1))).append(',').append(num(sy(fy.applyAsDouble(p[1]), y0, y1))).append(' ');
        }
      }
      Element line = shape(svg, "polyline", "points", pts.toString().strip(), "fill", "none", "stroke", color(l.color()),
          "stroke-width", "1.5");
      if (l.dashed()) {
        line.attr("stroke-dasharray", "5,3");
      }
      line.appendElement("title").text(l.name());
    }
    for (int i = 0; i < lines.size(); i++) {
      int x = LEFT - 60 + (i % 4) * 165;
      int y = H + 4 + (i / 4) * 14;
      Line l = lines.get(i);
      shape(svg, "line", "x1", num(x), "y1", num(y + 5), "x2", num(x + 14), "y2", num(y + 5), "stroke", color(l.color()),
          "stroke-width", "2").attr("stroke-dasharray", l.dashed() ? "5,3" : "none");
      text(svg, x + 18, y + 9, "start", l.name());
    }
    return svg;
  }

  /**
   * Appends the line that stands for a chart with nothing to draw.
   *
   * @param text what it says, e.g. {@code No gaps.}
   * @return the paragraph, class {@code no-data}
   */
  public static Element noData(Element parent, String text) {
    return Html.block(parent, "p", text).addClass("no-data").attr("style", "color:#666;font-style:italic");
  }

  private static Element open(Element parent) {
    return open(parent, H);
  }

  private static Element open(Element parent, int height) {
    Element svg = parent.appendElement("svg");
    parent.appendText("\n");
    // put, not attr: attr would write the name in lower case, and SVG attribute names are case-sensitive
    svg.attributes().put("xmlns", "http://www.w3.org/2000/svg").put("width", Integer.toString(W))
        .put("height", Integer.toString(height)).put("viewBox", "0 0 " + W + " " + height).put("font-family", "sans-serif")
        .put("style", "background:#fff");
    return svg;
  }

  private static void axes(Element svg, String xMin, String xMax, String yMin, String yMax, String xLabel, String yLabel) {
    shape(svg, "line", "x1", num(LEFT), "y1", num(H - BOTTOM), "x2", num(W - RIGHT), "y2", num(H - BOTTOM), "stroke", "#888");
    shape(svg, "line", "x1", num(LEFT), "y1", num(TOP), "x2", num(LEFT), "y2", num(H - BOTTOM), "stroke", "#888");
    text(svg, LEFT, H - BOTTOM + 14, "start", xMin);
    text(svg, W - RIGHT, H - BOTTOM + 14, "end", xMax);
    text(svg, (LEFT + W - RIGHT) / 2.0, H - 6, "middle", xLabel);
    text(svg, LEFT - 4, H - BOTTOM, "end", yMin);
    text(svg, LEFT - 4, TOP + 10, "end", yMax);
    int mid = (TOP + H - BOTTOM) / 2;
    shape(svg, "text", "x", "14", "y", num(mid), "font-size", "11", "text-anchor", "middle",
        "transform", "rotate(-90 14 " + mid + ")").text(yLabel);
  }

  private static void legend(Element svg, List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      int x = LEFT + 10 + i * 110;
      shape(svg, "rect", "x", num(x), "y", "4", "width", "10", "height", "10", "fill", color(i));
      text(svg, x + 14, 13, "start", names.get(i));
    }
  }

  private static void text(Element svg, double x, double y, String anchor, String s) {
    shape(svg, "text", "x", num(x), "y", num(y), "font-size", "11", "text-anchor", anchor).text(s);
  }

  /** Appends an SVG element with attributes given as name, value, name, value, ... */
  static Element shape(Element svg, String tag, String... attributes) {
    Element e = svg.appendElement(tag);
    for (int i = 0; i < attributes.length; i += 2) {
      e.attr(attributes[i], attributes[i + 1]);
    }
    return e;
  }

  /** A coordinate: whole numbers without decimals, others with one. */
  static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static double sx(double x, double x0, double x1) {
    return LEFT + (x1 == x0 ? 0.5 : (x - x0) / (x1 - x0)) * (W - LEFT - RIGHT);
  }

  private static double sy(double y, double y0, double y1) {
    return H - BOTTOM - (y1 == y0 ? 0.5 : (y - y0) / (y1 - y0)) * (H - TOP - BOTTOM);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
        : String.format(Locale.ROOT, "%,.2f", v);
  }
}

package io.sequela.report;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Small inline SVG charts for report pages, built as jsoup elements (labels are text, escaped when the page
 * is written): drawn offline, no script, no CDN. Series colours follow {@link #color(int)}.
 */
public final class SvgCharts {

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
   * @param points the points; an empty list draws empty axes
   * @param seriesNames legend text per series index
   * @return the {@code svg} element
   */
  public static Element scatter(Element parent, List<Point> points, List<String> seriesNames, String xLabel, String yLabel) {
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
   * @return the {@code svg} element
   */
  public static Element bars(Element parent, List<String> categories, List<List<Double>> series, List<String> seriesNames,
      String yLabel) {
    double max = series.stream().flatMap(List::stream).mapToDouble(v -> v == null ? 0 : v).max().orElse(0);
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

  private static Element open(Element parent) {
    Element svg = parent.appendElement("svg");
    parent.appendText("\n");
    // put, not attr: attr would write the name in lower case, and SVG attribute names are case-sensitive
    svg.attributes().put("xmlns", "http://www.w3.org/2000/svg").put("width", Integer.toString(W))
        .put("height", Integer.toString(H)).put("viewBox", "0 0 " + W + " " + H).put("font-family", "sans-serif")
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
  private static Element shape(Element svg, String tag, String... attributes) {
    Element e = svg.appendElement(tag);
    for (int i = 0; i < attributes.length; i += 2) {
      e.attr(attributes[i], attributes[i + 1]);
    }
    return e;
  }

  /** A coordinate: whole numbers without decimals, others with one. */
  private static String num(double v) {
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

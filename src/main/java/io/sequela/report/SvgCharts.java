package io.sequela.report;

import java.util.List;
import java.util.Locale;

/**
 * Small inline SVG charts for report pages: drawn offline, no script, no CDN. Series colours follow
 * {@link #color(int)}.
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
   * A scatter chart with min and max labels on both axes and a legend.
   *
   * @param points the points; an empty list draws empty axes
   * @param seriesNames legend text per series index
   */
  public static String scatter(List<Point> points, List<String> seriesNames, String xLabel, String yLabel) {
    double x0 = points.stream().mapToDouble(Point::x).min().orElse(0);
    double x1 = points.stream().mapToDouble(Point::x).max().orElse(1);
    double y0 = points.stream().mapToDouble(Point::y).min().orElse(0);
    double y1 = points.stream().mapToDouble(Point::y).max().orElse(1);
    StringBuilder b = open();
    axes(b, fmt(x0), fmt(x1), fmt(y0), fmt(y1), xLabel, yLabel);
    for (Point p : points) {
      b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.8\" fill=\"%s\"/>",
          sx(p.x(), x0, x1), sy(p.y(), y0, y1), color(p.series())));
    }
    legend(b, seriesNames);
    return b.append("</svg>\n").toString();
  }

  /**
   * A bar chart of one or more series side by side per category.
   *
   * @param categories the labels under the groups of bars
   * @param series values per series (outer) and category (inner); each inner list as long as categories
   * @param seriesNames legend text per series
   */
  public static String bars(List<String> categories, List<List<Double>> series, List<String> seriesNames,
      String yLabel) {
    double max = series.stream().flatMap(List::stream).mapToDouble(v -> v == null ? 0 : v).max().orElse(0);
    double top = max <= 0 ? 1 : max;
    StringBuilder b = open();
    axes(b, "", "", "0", fmt(top), "", yLabel);
    double group = (W - LEFT - RIGHT) / (double) Math.max(1, categories.size());
    double bar = group * 0.8 / Math.max(1, series.size());
    for (int c = 0; c < categories.size(); c++) {
      double gx = LEFT + c * group + group * 0.1;
      for (int s = 0; s < series.size(); s++) {
        Double v = series.get(s).get(c);
        double h = v == null ? 0 : (H - TOP - BOTTOM) * v / top;
        b.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %s</title></rect>",
            gx + s * bar, H - BOTTOM - h, Math.max(1, bar - 2), h, color(s),
            Html.escape(seriesNames.get(s) + " " + categories.get(c)), v == null ? "-" : fmt(v)));
      }
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
          gx + group * 0.4, H - BOTTOM + 14, Html.escape(categories.get(c))));
    }
    legend(b, seriesNames);
    return b.append("</svg>\n").toString();
  }

  private static StringBuilder open() {
    return new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            + "font-family=\"sans-serif\" style=\"background:#fff\">", W, H, W, H));
  }

  private static void axes(StringBuilder b, String xMin, String xMax, String yMin, String yMax, String xLabel,
      String yLabel) {
    b.append(String.format(Locale.ROOT,
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
        LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM, LEFT, TOP, LEFT, H - BOTTOM));
    text(b, LEFT, H - BOTTOM + 14, "start", xMin);
    text(b, W - RIGHT, H - BOTTOM + 14, "end", xMax);
    text(b, (LEFT + W - RIGHT) / 2, H - 6, "middle", xLabel);
    text(b, LEFT - 4, H - BOTTOM, "end", yMin);
    text(b, LEFT - 4, TOP + 10, "end", yMax);
    b.append(String.format(Locale.ROOT,
        "<text x=\"14\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>",
        (TOP + H - BOTTOM) / 2, (TOP + H - BOTTOM) / 2, Html.escape(yLabel)));
  }

  private static void legend(StringBuilder b, List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      int x = LEFT + 10 + i * 110;
      b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"4\" width=\"10\" height=\"10\" fill=\"%s\"/>", x, color(i)));
      text(b, x + 14, 13, "start", names.get(i));
    }
  }

  private static void text(StringBuilder b, int x, int y, String anchor, String s) {
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"%s\">%s</text>",
        x, y, anchor, Html.escape(s)));
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

package io.sequela.report;

import io.sequela.analysis.StrategyFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** HTML pieces of the key-generation page: the summary table and inline SVG bar charts (no scripts, no CDN). */
final class KeyGenHtml {

  private static final int BAR_WIDTH = 420;
  private static final int ROW_HEIGHT = 22;
  private static final String[] COLORS = {"#4572a7", "#aa4643", "#89a54e", "#80699b", "#3d96ae", "#db843d"};

  private KeyGenHtml() {}

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** One row per strategy with every figure; the best value of each comparable column in bold. */
  static String summaryTable(List<StrategyFigures> fs) {
    record Col(String head, Function<StrategyFigures, Number> value, boolean lowerIsBetter, String format) {}
    List<Col> cols = List.of(
        new Col("rows", StrategyFigures::rows, false, null),
        new Col("wall s", StrategyFigures::wallS, true, "%.2f"),
        new Col("inserts/s", StrategyFigures::insertsPerS, false, "%.0f"),
        new Col("p50 ms", StrategyFigures::p50Ms, true, null),
        new Col("p95 ms", StrategyFigures::p95Ms, true, null),
        new Col("p99 ms", StrategyFigures::p99Ms, true, null),
        new Col("max ms", StrategyFigures::maxMs, true, null),
        new Col("KO", StrategyFigures::ko, true, null),
        new Col("duplicates", StrategyFigures::duplicates, true, null),
        new Col("index bytes before", StrategyFigures::indexBytesBefore, true, null),
        new Col("index bytes after", StrategyFigures::indexBytesAfter, true, null),
        new Col("WAL bytes", StrategyFigures::walBytes, true, null),
        new Col("idx blks read", StrategyFigures::idxBlksRead, true, null),
        new Col("idx blks hit", StrategyFigures::idxBlksHit, false, null));
    StringBuilder b = new StringBuilder("<table class=\"statistics-in extensible-geant\"><thead><tr><th>strategy</th>");
    cols.forEach(c -> b.append("<th>").append(escape(c.head())).append("</th>"));
    b.append("</tr></thead><tbody>\n");
    for (StrategyFigures f : fs) {
      b.append("<tr><td>").append(escape(f.name())).append("</td>");
      for (Col c : cols) {
        Number v = c.value().apply(f);
        String text = v == null ? "-" : c.format() == null ? v.toString() : String.format(Locale.ROOT, c.format(), v.doubleValue());
        boolean best = v != null && !c.head().equals("rows") && fs.size() > 1 && fs.stream().map(c.value())
            .filter(x -> x != null).mapToDouble(Number::doubleValue)
            .reduce(c.lowerIsBetter() ? Math::min : Math::max).orElse(Double.NaN) == v.doubleValue();
        b.append("<td>").append(best ? "<b>" + text + "</b>" : text).append("</td>");
      }
      b.append("</tr>\n");
    }
    return b.append("</tbody></table>\n").toString();
  }

  /** A horizontal bar chart, one bar per strategy; strategies without a value are left out. */
  static String bars(String title, String unit, List<StrategyFigures> fs, Function<StrategyFigures, Double> value) {
    List<String> names = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (StrategyFigures f : fs) {
      Double v = value.apply(f);
      if (v != null) {
        names.add(f.name());
        values.add(new double[] {v});
      }
    }
    return values.isEmpty() ? "" : chart(title, unit, names, List.of(""), values);
  }

  /** p50, p95 and p99 per strategy, grouped. */
  static String latencyBars(List<StrategyFigures> fs) {
    List<String> names = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (StrategyFigures f : fs) {
      if (f.p50Ms() != null) {
        names.add(f.name());
        values.add(new double[] {f.p50Ms(), f.p95Ms(), f.p99Ms()});
      }
    }
    return values.isEmpty() ? "" : chart("Insert latency percentiles", "ms", names, List.of("p50", "p95", "p99"), values);
  }

  /** Per strategy, the share of each wait event among the samples, as a stacked bar and a legend. */
  static String waitProfile(List<StrategyFigures> fs) {
    if (fs.stream().allMatch(f -> f.waitEvents().isEmpty())) {
      return "";
    }
    StringBuilder b = new StringBuilder("<h2>Wait events (samples every 100 ms of the users' sessions)</h2>\n");
    for (StrategyFigures f : fs) {
      long total = f.waitEvents().values().stream().mapToLong(Long::longValue).sum();
      b.append("<p><b>").append(escape(f.name())).append("</b> (").append(total).append(" samples): ");
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, Long> e : f.waitEvents().entrySet()) {
        parts.add(escape(e.getKey()) + String.format(Locale.ROOT, " %.0f%%", 100.0 * e.getValue() / Math.max(1, total)));
      }
      b.append(parts.isEmpty() ? "no active session seen" : String.join(", ", parts)).append("</p>\n");
    }
    return b.toString();
  }

  private static String chart(String title, String unit, List<String> names, List<String> series, List<double[]> values) {
    double max = values.stream().flatMapToDouble(java.util.Arrays::stream).max().orElse(1);
    max = max <= 0 ? 1 : max;
    int rowH = ROW_HEIGHT * series.size();
    int height = names.size() * (rowH + 6) + (series.size() > 1 ? 20 : 0);
    StringBuilder b = new StringBuilder("<h2>").append(escape(title)).append(" (").append(escape(unit)).append(")</h2>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(BAR_WIDTH + 200).append("\" height=\"")
        .append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    for (int i = 0; i < names.size(); i++) {
      int y0 = i * (rowH + 6);
      b.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>%n", y0 + rowH / 2 + 4, escape(names.get(i))));
      for (int s = 0; s < series.size(); s++) {
        double v = values.get(i)[s];
        int w = (int) Math.round(BAR_WIDTH * v / max);
        int y = y0 + s * ROW_HEIGHT;
        b.append(String.format(Locale.ROOT, "<rect x=\"90\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
            + "<text x=\"%d\" y=\"%d\">%s</text>%n", y, Math.max(w, 1), ROW_HEIGHT - 4, COLORS[s % COLORS.length],
            95 + w, y + ROW_HEIGHT - 8, format(v)));
      }
    }
    if (series.size() > 1) {
      for (int s = 0; s < series.size(); s++) {
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
            90 + s * 70, height - 12, COLORS[s % COLORS.length], 104 + s * 70, height - 3, series.get(s)));
      }
    }
    return b.append("</svg>\n").toString();
  }

  private static String format(double v) {
    return v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }
}

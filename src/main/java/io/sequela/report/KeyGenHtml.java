package io.sequela.report;

import io.sequela.stats.StrategyFigures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jsoup.nodes.Element;

/** Pieces of the key-generation page: the summary table, SVG bar charts ({@link SvgCharts}) and the wait profile. */
final class KeyGenHtml {

  private KeyGenHtml() {}

  /**
   * Appends one row per strategy with every figure; in the columns where lower (or, for inserts/s, higher)
   * is better, the best value in bold unless all are equal.
   */
  static void summaryTable(Element parent, List<StrategyFigures> fs) {
    record Col(String head, Function<StrategyFigures, Number> value, Boolean lowerIsBetter, String format) {}
    List<Col> cols = List.of(
        new Col("rows", StrategyFigures::rows, null, null),
        new Col("wall s", StrategyFigures::wallS, true, "%.2f"),
        new Col("inserts/s", StrategyFigures::insertsPerS, false, "%.0f"),
        new Col("p50 ms", StrategyFigures::p50Ms, true, null),
        new Col("p95 ms", StrategyFigures::p95Ms, true, null),
        new Col("p99 ms", StrategyFigures::p99Ms, true, null),
        new Col("max ms", StrategyFigures::maxMs, true, null),
        new Col("KO", StrategyFigures::ko, true, null),
        new Col("duplicates", StrategyFigures::duplicates, true, null),
        new Col("index bytes before", StrategyFigures::indexBytesBefore, null, null),
        new Col("index bytes after", StrategyFigures::indexBytesAfter, true, null),
        new Col("WAL bytes", StrategyFigures::walBytes, true, null),
        new Col("idx blks read", StrategyFigures::idxBlksRead, true, null),
        new Col("idx blks hit", StrategyFigures::idxBlksHit, null, null));
    Element table = parent.appendElement("table").addClass("statistics-in").addClass("extensible-geant");
    parent.appendText("\n");
    Element head = table.appendElement("thead").appendElement("tr");
    head.appendElement("th").text("strategy");
    cols.forEach(c -> head.appendElement("th").text(c.head()));
    Element body = table.appendElement("tbody");
    body.appendText("\n");
    for (StrategyFigures f : fs) {
      Element tr = body.appendElement("tr");
      tr.appendElement("td").text(f.name());
      for (Col c : cols) {
        Number v = c.value().apply(f);
        String text = v == null ? "-" : c.format() == null ? v.toString() : String.format(Locale.ROOT, c.format(), v.doubleValue());
        boolean best = v != null && c.lowerIsBetter() != null && isBest(fs, c.value(), c.lowerIsBetter(), v.doubleValue());
        Element td = tr.appendElement("td");
        (best ? td.appendElement("b") : td).text(text);
      }
      body.appendText("\n");
    }
  }

  /** True when {@code v} is the column's best value and the column has more than one distinct value. */
  private static boolean isBest(List<StrategyFigures> fs, Function<StrategyFigures, Number> column, boolean lowerIsBetter, double v) {
    double[] values = fs.stream().map(column).filter(x -> x != null).mapToDouble(Number::doubleValue).toArray();
    double best = Arrays.stream(values).reduce(lowerIsBetter ? Math::min : Math::max).orElse(Double.NaN);
    return Arrays.stream(values).distinct().count() > 1 && best == v;
  }

  /** Appends a bar chart, one bar per strategy ({@link SvgCharts#bars}); strategies without a value are left out. */
  static void bars(Element parent, String title, String unit, List<StrategyFigures> fs, Function<StrategyFigures, Double> value) {
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (StrategyFigures f : fs) {
      if (value.apply(f) != null) {
        names.add(f.name());
        values.add(value.apply(f));
      }
    }
    if (!values.isEmpty()) {
      heading(parent, title, unit);
      SvgCharts.bars(parent, names, List.of(values), List.of(title), unit);
    }
  }

  /** Appends p50, p95 and p99 per strategy, side by side. */
  static void latencyBars(Element parent, List<StrategyFigures> fs) {
    List<StrategyFigures> measured = fs.stream().filter(f -> f.p50Ms() != null).toList();
    if (measured.isEmpty()) {
      return;
    }
    List<Function<StrategyFigures, Long>> percentiles = List.of(StrategyFigures::p50Ms, StrategyFigures::p95Ms, StrategyFigures::p99Ms);
    List<List<Double>> series = percentiles.stream()
        .map(p -> measured.stream().map(f -> p.apply(f).doubleValue()).toList()).toList();
    heading(parent, "Insert latency percentiles", "ms");
    SvgCharts.bars(parent, measured.stream().map(StrategyFigures::name).toList(), series, List.of("p50", "p95", "p99"), "ms");
  }

  /** Appends, per strategy, the share of each wait event among the samples. */
  static void waitProfile(Element parent, List<StrategyFigures> fs) {
    if (fs.stream().allMatch(f -> f.waitEvents().isEmpty())) {
      return;
    }
    Html.block(parent, "h2", "Wait events (samples every 100 ms of the users' sessions)");
    for (StrategyFigures f : fs) {
      long total = f.waitEvents().values().stream().mapToLong(Long::longValue).sum();
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, Long> e : f.waitEvents().entrySet()) {
        parts.add(e.getKey() + String.format(Locale.ROOT, " %.0f%%", 100.0 * e.getValue() / Math.max(1, total)));
      }
      Element p = parent.appendElement("p");
      p.appendElement("b").text(f.name());
      p.appendText(" (" + total + " samples): " + (parts.isEmpty() ? "no active session seen" : String.join(", ", parts)));
      parent.appendText("\n");
    }
  }

  private static void heading(Element parent, String title, String unit) {
    Html.block(parent, "h2", title + " (" + unit + ")");
  }
}

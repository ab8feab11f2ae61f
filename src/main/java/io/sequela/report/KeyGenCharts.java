package io.sequela.report;

import io.sequela.stats.StrategyFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jsoup.nodes.Element;

/** The key-generation page's SVG bar charts ({@link SvgCharts}) of the figures over the blocks, and the wait profile. */
final class KeyGenCharts {

  private KeyGenCharts() {}

  /** Appends the charts and the wait-event profile. */
  static void charts(Element b, KeyGenReport r) {
    List<StrategyFigures> fs = r.strategies();
    bars(b, "Inserts per second, mean over the blocks", "inserts/s", fs, StrategyFigures::insertsPerS);
    latencyBars(b, fs);
    bars(b, "Primary-key index size after the last block", "MB", fs, perMb(StrategyFigures::indexBytesAfter));
    if (!r.unmeasured().contains("wal_bytes")) {
      bars(b, "WAL written during a block, median over the blocks", "MB", fs, perMb(StrategyFigures::walBytes));
      bars(b, "Index blocks read from outside shared buffers in a block, median over the blocks", "blocks", fs,
          f -> f.idxBlksRead() == null ? null : f.idxBlksRead().doubleValue());
    }
    if (!r.unmeasured().contains("wait_events")) {
      waitProfile(b, r);
    }
  }

  /** Appends a bar chart, one bar per strategy ({@link SvgCharts#bars}); strategies without a value are left out. */
  private static void bars(Element parent, String title, String unit, List<StrategyFigures> fs,
      Function<StrategyFigures, Double> value) {
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

  /** Appends p50, p95 and p99 per strategy (medians over the blocks), side by side. */
  private static void latencyBars(Element parent, List<StrategyFigures> fs) {
    List<StrategyFigures> measured = fs.stream().filter(f -> f.p50Us() != null).toList();
    if (measured.isEmpty()) {
      return;
    }
    List<Function<StrategyFigures, Long>> percentiles = List.of(StrategyFigures::p50Us, StrategyFigures::p95Us, StrategyFigures::p99Us);
    List<List<Double>> series = percentiles.stream()
        .map(p -> measured.stream().map(f -> p.apply(f).doubleValue()).toList()).toList();
    heading(parent, "Insert latency percentiles, median over the blocks", "µs");
    SvgCharts.bars(parent, measured.stream().map(StrategyFigures::name).toList(), series, List.of("p50", "p95", "p99"), "µs");
  }

  /** Appends, per strategy, the share of each wait event among its session samples, with their count. */
  private static void waitProfile(Element parent, KeyGenReport r) {
    Html.block(parent, "h2", "Wait events of the users' sessions, all blocks (sampled every "
        + String.format(Locale.ROOT, "%.0f", r.waitSampleIntervalMs()) + " ms on PostgreSQL; Oracle: ASH, once a second)");
    Html.block(parent, "p", "A share is of the strategy's session samples: on PostgreSQL one per user session per sample,"
        + " an idle session counted as Client:ClientRead (waiting for the load generator's next statement, so its share is"
        + " the users' time outside the database) and one running without a wait as CPU; Oracle's ASH samples active"
        + " sessions only. A share from fewer than " + KeyGenReport.FEW_WAIT_SAMPLES + " samples is indicative only.");
    for (StrategyFigures f : r.strategies()) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, Long> e : f.waitEvents().entrySet()) {
        parts.add(e.getKey() + String.format(Locale.ROOT, " %.0f%%", 100.0 * e.getValue() / Math.max(1, f.waitSamples())));
      }
      Element p = parent.appendElement("p");
      p.appendElement("b").text(f.name());
      p.appendText(" (" + f.waitSamples() + " samples" + (f.waitSamples() < KeyGenReport.FEW_WAIT_SAMPLES
          ? ", fewer than " + KeyGenReport.FEW_WAIT_SAMPLES + ": indicative only" : "") + "): "
          + (parts.isEmpty() ? "no session seen" : String.join(", ", parts)));
      parent.appendText("\n");
    }
  }

  private static Function<StrategyFigures, Double> perMb(Function<StrategyFigures, Long> bytes) {
    return f -> bytes.apply(f) == null ? null : bytes.apply(f) / 1048576.0;
  }

  private static void heading(Element parent, String title, String unit) {
    Html.block(parent, "h2", title + " (" + unit + ")");
  }
}

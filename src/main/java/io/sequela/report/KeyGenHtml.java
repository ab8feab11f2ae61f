package io.sequela.report;

import io.sequela.stats.BlockFigures;
import io.sequela.stats.KeyGenRanking;
import io.sequela.stats.StrategyComparison;
import io.sequela.stats.StrategyFigures;
import io.sequela.stats.WarmupFigures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.jsoup.nodes.Element;

/**
 * The key-generation page: what was run and by which design (its stamp), the warm-ups, the strategies by mean
 * inserts/s with their 95 % intervals and the pairwise verdicts (one strategy faster than another only where the
 * interval of their difference excludes 0), the figures per strategy, every block, then the charts and the wait-event
 * profile ({@link KeyGenCharts}). It computes no figure: they come finished from the run's analysis.
 */
final class KeyGenHtml {

  private KeyGenHtml() {}

  /** The page's content. */
  static Element page(KeyGenReport r) {
    Element b = Html.page("Key generation");
    List<String> first = r.ranking().stream().filter(p -> p.rank() == 1).map(KeyGenRanking.Place::name).toList();
    if (!first.isEmpty()) {
      Html.headline(b, "Fastest by inserts/s: " + String.join(", ", first)
          + (first.size() > 1 ? " (no measurable difference between them)" : ""));
    }
    if (r.stopped() != null) {
      Html.block(b, "p", "This run was " + r.stopped() + ".");
    }
    Html.block(b, "p", "Run " + r.runId() + " on " + r.dialect() + ": " + r.users() + " users inserting single rows as"
        + " fast as they can, commit " + r.commit() + ", " + Html.number(r.preseedRows()) + " pre-seeded rows per table. "
        + warmupSentence(r) + " Then " + r.blocksPerStrategy() + " measured blocks of " + Html.number(r.blockS())
        + " s per strategy, all strategies' blocks interleaved in a balanced order (a Williams square, seed "
        + r.orderSeed() + ": " + r.order() + ", A being the plan's first strategy), each block after a checkpoint. A"
        + " strategy's inserts/s is the mean over its blocks with its 95 % interval taken over the blocks (the blocks, not"
        + " the single inserts, are the repetitions); latencies are the median over the blocks, µs from sequela's own"
        + " timing of each insert (execute, and the commit under commit each); Gatling's pages show the same requests in"
        + " whole ms. WAL is the whole server's.");
    Html.block(b, "p", "Design: " + r.design());
    Html.block(b, "p", growthSentence(r));
    if (!r.warmups().isEmpty()) {
      warmups(b, r);
    }
    Html.block(b, "h2", "Ranking by mean inserts/s");
    Html.block(b, "p", "A strategy is faster than another only where the interval of their difference, taken from"
        + " their paired blocks (the blocks of the two in the same round), excludes 0; the intervals of the pairs are"
        + " family-wise 95 % (Bonferroni: each pair at 1 - 0.05 / the number of pairs), so that the whole table holds"
        + " no false \"faster\" in 19 runs of 20; its rank is 1 + the number of"
        + " strategies faster than it. Strategies not told apart share what the blocks allow: nothing.");
    ranking(b, r.ranking());
    Html.block(b, "h2", "Pairwise verdicts (b minus a, from the paired blocks)");
    comparisons(b, r);
    Html.block(b, "h2", "Figures per strategy (inserts/s: mean over the blocks with its 95 % interval; latencies and"
        + " counters: median over the blocks, min..max)");
    summaryTable(b, r);
    Html.block(b, "h2", "Blocks: inserts/s of each block (its round and slot)");
    blocksTable(b, r);
    KeyGenCharts.charts(b, r);
    if (!r.unmeasured().contains("wal_bytes")) {
      Html.block(b, "p", "Index blocks read are blocks PostgreSQL had to fetch from outside its shared buffers; here"
          + " the operating system's page cache holds those blocks in memory, so each read costs microseconds, not a disk"
          + " access, and uuid4's throughput does not collapse. On DMTN-099's Oracle RAC the UUID index outgrew the buffer"
          + " cache and the servers' memory, so those reads went to storage: 97 % of its UUID4 time was db file"
          + " sequential read.");
    }
    RacSection.appendKeyGen(b, r.oracleWaits());
    r.strategies().stream().map(StrategyFigures::note).filter(Objects::nonNull).distinct().forEach(n -> Html.block(b, "p", n));
    return b;
  }

  private static String warmupSentence(KeyGenReport r) {
    return r.warmups().isEmpty() ? "No warm-up."
        : "Every strategy first ran untimed (the warm-up of the JVM, the connections and the server's cache; table below),"
            + " its rows deleted before the first block and in no figure.";
  }

  /** How much the tables grew between their first and last block (earlier blocks' rows stay). */
  static String growthSentence(KeyGenReport r) {
    if (r.blocks().isEmpty()) {
      return "No block finished.";
    }
    long first = r.blocks().stream().mapToLong(BlockFigures::rowsBefore).min().orElse(0);
    long last = r.blocks().stream().mapToLong(BlockFigures::rowsBefore).max().orElse(0);
    String pct = first == 0 ? "" : String.format(Locale.ROOT, " (+%.1f %%)", 100.0 * (last - first) / first);
    return "Rows inserted by earlier blocks stay in the tables, so a table held " + Html.number(first)
        + " rows or more when its first block began and up to " + Html.number(last) + " when its last began" + pct
        + "; the balanced order spreads that growth over every strategy alike.";
  }

  private static void warmups(Element parent, KeyGenReport r) {
    Html.block(parent, "h2", "Warm-up per strategy (untimed)");
    Element body = Html.table(parent, List.of("strategy", "inserts", "s", "settled", "why it ended"));
    for (WarmupFigures w : r.warmups()) {
      Html.row(body, List.of(w.strategy(), Html.number(w.inserts()), Html.number(Math.round(w.wallS() * 100) / 100.0),
          w.stable() ? "yes" : "no: still drifting", w.reason()));
    }
  }

  private static void ranking(Element parent, List<KeyGenRanking.Place> places) {
    Element body = Html.table(parent, List.of("rank", "strategy", "inserts/s (95 % CI)", "faster than", "slower than",
        "not told apart from"));
    for (KeyGenRanking.Place p : places) {
      Html.row(body, List.of(Integer.toString(p.rank()), p.name(), withInterval(p.insertsPerS(), p.insertsPerSLow(),
          p.insertsPerSHigh()), list(p.fasterThan()), list(p.slowerThan()), list(p.notToldApart())));
    }
  }

  private static void comparisons(Element parent, KeyGenReport r) {
    Element body = Html.table(parent, List.of("a", "b", "block pairs", "inserts/s b - a (95 % CI)",
        "median µs b - a (95 % CI)", "verdict"));
    for (StrategyComparison c : r.comparisons()) {
      Html.row(body, List.of(c.a(), c.b(), Integer.toString(c.pairs()),
          diff(c.insertsPerSDiff(), c.insertsPerSLow(), c.insertsPerSHigh()), diff(c.p50UsDiff(), c.p50UsLow(),
              c.p50UsHigh()), verdict(c)));
    }
  }

  /** One comparison in words: who is faster, or why the blocks cannot tell. */
  static String verdict(StrategyComparison c) {
    if (c.noInterval() != null) {
      return c.noInterval();
    }
    String speed = c.faster() == null ? "not told apart by inserts/s" : c.faster() + " faster than " + c.slower();
    String latency = c.lowerLatency() == null ? "" : "; " + c.lowerLatency() + " lower median latency";
    return speed + latency;
  }

  /** A mean with its interval, e.g. {@code 12,345 (11,980..12,710)}; without one, the mean alone. */
  static String withInterval(double mean, Double low, Double high) {
    return Html.number(Math.round(mean)) + (low == null ? "" : " (" + range(low, high) + ")");
  }

  /** A strategy's mean inserts/s with its interval. */
  static String withInterval(StrategyFigures f) {
    return withInterval(f.insertsPerS(), f.insertsPerSLow(), f.insertsPerSHigh());
  }

  private static String diff(Double estimate, Double low, Double high) {
    return estimate == null ? "\u2013" : String.format(Locale.ROOT, "%+.0f (%+.0f..%+.0f)", estimate, low, high);
  }

  private static String list(List<String> names) {
    return names.isEmpty() ? "\u2013" : String.join(", ", names);
  }

  /**
   * One line for the console, e.g. {@code 1 seq_block, 1 uuid7, 3 seq}: a lower rank only where an interval says so.
   */
  static String rankingLine(List<KeyGenRanking.Place> places) {
    List<String> parts = new ArrayList<>();
    for (KeyGenRanking.Place p : places) {
      parts.add(p.rank() + " " + p.name());
    }
    return String.join(", ", parts);
  }

  /** A figure's median and, when given, its range: the column, its unit in the head, and which way is better. */
  private record Col(String head, Function<StrategyFigures, Number> value, Function<StrategyFigures, Number[]> range,
      Boolean lowerIsBetter) {}

  /** One row per strategy; in the columns where lower (or, for inserts/s, higher) is better, the best median in bold. */
  private static void summaryTable(Element parent, KeyGenReport r) {
    List<Col> cols = new ArrayList<>(List.of(
        new Col("blocks", StrategyFigures::blocks, null, null),
        new Col("rows", StrategyFigures::rows, null, null),
        new Col("inserts/s", f -> Math.round(f.insertsPerS()), f -> new Number[] {f.insertsPerSLow(), f.insertsPerSHigh()}, false),
        new Col("p50 µs", StrategyFigures::p50Us, f -> new Number[] {f.p50UsMin(), f.p50UsMax()}, true),
        new Col("p95 µs", StrategyFigures::p95Us, null, true),
        new Col("p99 µs", StrategyFigures::p99Us, f -> new Number[] {f.p99UsMin(), f.p99UsMax()}, true),
        new Col("max µs", StrategyFigures::maxUs, null, true),
        new Col("KO", StrategyFigures::ko, null, true),
        new Col("duplicates", StrategyFigures::duplicates, null, true),
        new Col("index bytes before", StrategyFigures::indexBytesBefore, null, null),
        new Col("index bytes after", StrategyFigures::indexBytesAfter, null, true)));
    if (!r.unmeasured().contains("wal_bytes")) {
      cols.add(new Col("WAL bytes", StrategyFigures::walBytes, f -> new Number[] {f.walBytesMin(), f.walBytesMax()}, true));
      cols.add(new Col("idx blks read", StrategyFigures::idxBlksRead, f -> new Number[] {f.idxBlksReadMin(), f.idxBlksReadMax()},
          true));
      cols.add(new Col("idx blks hit", StrategyFigures::idxBlksHit, null, null));
    }
    if (!r.unmeasured().contains("wait_samples")) {
      cols.add(new Col("wait samples", StrategyFigures::waitSamples, null, null));
    }
    List<String> head = new ArrayList<>(List.of("strategy"));
    cols.forEach(c -> head.add(c.head()));
    Element body = Html.table(parent, head);
    for (StrategyFigures f : r.strategies()) {
      Element tr = body.appendElement("tr");
      tr.appendElement("td").text(f.name());
      for (Col c : cols) {
        Number v = c.value().apply(f);
        boolean best = v != null && c.lowerIsBetter() != null && isBest(r.strategies(), c.value(), c.lowerIsBetter(), v.doubleValue());
        Element td = tr.appendElement("td");
        (best ? td.appendElement("b") : td).appendText(Html.number(v));
        Number[] range = c.range() == null || v == null ? null : c.range().apply(f);
        if (range != null && range[0] != null) {
          td.appendText(" (" + range(range[0].doubleValue(), range[1].doubleValue()) + ")");
        }
      }
      body.appendText("\n");
    }
  }

  /** Per strategy (plan order), per block of it: inserts/s, and the block's round and slot (r2 #5: round 2, 5th). */
  private static void blocksTable(Element parent, KeyGenReport r) {
    int most = r.strategies().stream().mapToInt(StrategyFigures::blocks).max().orElse(0);
    List<String> head = new ArrayList<>(List.of("strategy"));
    for (int k = 1; k <= most; k++) {
      head.add("block " + k);
    }
    Element body = Html.table(parent, head);
    for (StrategyFigures f : r.strategies()) {
      List<String> cells = new ArrayList<>(List.of(f.name()));
      r.blocks().stream().filter(b -> b.strategy().equals(f.name())).forEach(b -> cells.add(
          Html.number(Math.round(b.insertsPerS())) + " (r" + b.round() + " #" + b.slot() + ")"));
      while (cells.size() < head.size()) {
        cells.add("\u2013");
      }
      Html.row(body, cells);
    }
  }

  /** True when {@code v} is the column's best value and the column has more than one distinct value. */
  private static boolean isBest(List<StrategyFigures> fs, Function<StrategyFigures, Number> column, boolean lowerIsBetter, double v) {
    double[] values = fs.stream().map(column).filter(Objects::nonNull).mapToDouble(Number::doubleValue).toArray();
    double best = Arrays.stream(values).reduce(lowerIsBetter ? Math::min : Math::max).orElse(Double.NaN);
    return Arrays.stream(values).distinct().count() > 1 && best == v;
  }

  private static String range(double min, double max) {
    return Html.number(Math.round(min)) + ".." + Html.number(Math.round(max));
  }

  /** The most frequent wait event with its share and the sample count, e.g. {@code CPU (61% of 820)}, or "-". */
  static String topWait(StrategyFigures f) {
    return f.waitEvents().entrySet().stream().findFirst()
        .map(e -> String.format(Locale.ROOT, "%s (%.0f%% of %d)", e.getKey(), 100.0 * e.getValue() / Math.max(1, f.waitSamples()),
            f.waitSamples()))
        .orElse("-");
  }
}

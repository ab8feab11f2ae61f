package io.sequela.report;

import io.sequela.stats.KeyGenRanking;
import io.sequela.stats.PhaseFigures;
import io.sequela.stats.RoundFigures;
import io.sequela.stats.StrategyFigures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.jsoup.nodes.Element;

/**
 * The key-generation page: what was run, the ranking (only where the rounds' ranges do not overlap), the
 * figures per strategy (medians over the rounds with min..max), the rounds and their orders, then the charts
 * and the wait-event profile ({@link KeyGenCharts}).
 */
final class KeyGenHtml {

  private KeyGenHtml() {}

  /** The page's content. */
  static Element page(KeyGenReport r) {
    Element b = Html.page("Key generation");
    List<String> first = r.ranking().stream().filter(p -> p.rank() == 1).map(KeyGenRanking.Place::name).toList();
    if (!first.isEmpty()) {
      Html.headline(b, "Fastest by median inserts/s: " + String.join(", ", first)
          + (first.size() > 1 ? " (within noise of each other)" : ""));
    }
    Html.block(b, "p", "Run " + r.runId() + " on " + r.dialect() + ": " + r.users() + " users x " + r.insertsPerUser()
        + " single-row inserts per strategy and round, commit " + r.commit() + ", " + Html.number(r.preseedRows())
        + " pre-seeded rows per table. " + warmupSentence(r) + " Then " + r.rounds().size() + " measured round"
        + (r.rounds().size() == 1 ? "" : "s") + ", the strategy order rotated between rounds (below), each phase after a"
        + " checkpoint. A strategy's figure is the median over its rounds, with the slowest and fastest round in brackets"
        + " (min..max). Latencies are µs from sequela's own timing of each insert (execute, and the commit under commit"
        + " each); Gatling's pages show the same requests in whole ms. WAL is the whole server's.");
    Html.block(b, "p", growthSentence(r));
    Html.block(b, "h2", "Ranking by median inserts/s");
    Html.block(b, "p", "A strategy is ranked below another only when its fastest round was slower than the other's slowest"
        + " (its rank is 1 + the number of strategies clearly faster). Strategies whose min..max ranges overlap are within"
        + " noise of each other and not ranked against each other; equal ranks are always within noise.");
    ranking(b, r.ranking());
    Html.block(b, "h2", "Figures per strategy (median over the rounds, min..max)");
    summaryTable(b, r);
    Html.block(b, "h2", "Rounds: inserts/s of each strategy, and its position in the round's order");
    roundsTable(b, r);
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
    return r.warmupInserts() == 0 ? "No warm-up."
        : "Every strategy first inserted " + Html.number(r.warmupInserts()) + " rows untimed (the warm-up of the JVM, the"
            + " connections and the server's cache), which were deleted before the first round and are in no figure.";
  }

  /** How much the tables grew between their first and last round (earlier rounds' rows stay). */
  static String growthSentence(KeyGenReport r) {
    List<RoundFigures> rounds = r.rounds();
    if (rounds.size() < 2) {
      return "One round: the tables did not grow between rounds.";
    }
    long first = Long.MAX_VALUE;
    long last = 0;
    for (String s : rounds.get(0).order()) {
      first = Math.min(first, rounds.get(0).strategies().get(s).rowsBefore());
      last = Math.max(last, rounds.get(rounds.size() - 1).strategies().get(s).rowsBefore());
    }
    String pct = first == 0 ? "" : String.format(Locale.ROOT, " (+%.1f %%)", 100.0 * (last - first) / first);
    return "Rows inserted by earlier rounds stay in the tables: each round adds " + Html.number((long) r.users() * r.insertsPerUser())
        + " rows to each, so a table held " + Html.number(first) + " rows when its first round began and up to "
        + Html.number(last) + " when its last began" + pct + ".";
  }

  private static void ranking(Element parent, List<KeyGenRanking.Place> places) {
    Element body = Html.table(parent, List.of("rank", "strategy", "inserts/s", "min..max", "faster in every round than",
        "within noise of"));
    for (KeyGenRanking.Place p : places) {
      Html.row(body, List.of(Integer.toString(p.rank()), p.name(), Html.number(Math.round(p.insertsPerS())),
          range(p.insertsPerSMin(), p.insertsPerSMax()), p.fasterThan().isEmpty() ? "\u2013" : String.join(", ", p.fasterThan()),
          p.withinNoiseOf().isEmpty() ? "\u2013" : String.join(", ", p.withinNoiseOf())));
    }
  }

  /**
   * One line for the console, e.g. {@code 1 seq_block, 1 uuid7, 3 seq}: equal ranks are within noise of each other
   * (a strategy clearly faster than another always has a lower rank).
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
        new Col("rounds", StrategyFigures::rounds, null, null),
        new Col("rows", StrategyFigures::rows, null, null),
        new Col("inserts/s", f -> Math.round(f.insertsPerS()), f -> new Number[] {f.insertsPerSMin(), f.insertsPerSMax()}, false),
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

  /** Per strategy (plan order), per round: inserts/s and the strategy's position in that round (1 = first). */
  private static void roundsTable(Element parent, KeyGenReport r) {
    List<String> head = new ArrayList<>(List.of("strategy"));
    r.rounds().forEach(round -> head.add("round " + round.round()));
    Element body = Html.table(parent, head);
    for (StrategyFigures f : r.strategies()) {
      List<String> cells = new ArrayList<>(List.of(f.name()));
      for (RoundFigures round : r.rounds()) {
        PhaseFigures p = round.strategies().get(f.name());
        cells.add(Html.number(Math.round(p.insertsPerS())) + " (#" + (round.order().indexOf(f.name()) + 1) + ")");
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

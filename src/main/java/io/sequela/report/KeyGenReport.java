package io.sequela.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.sequela.SequelaException;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.sequela.db.InstanceWaits;
import io.sequela.db.Dialect;
import io.sequela.db.Probes;
import io.sequela.stats.StrategyFigures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.nodes.Element;

/**
 * The key-generation results of one run, the one set of figures behind {@code key-generation.json}
 * (machine-readable, for nightly jobs; written by Jackson from this record, {@link KeyGenJson}), the
 * console table, and the content of {@code key-generation.html} (the DMTN-099-style table with the best
 * value per column marked, then bar charts of inserts/s, latency percentiles, index size, WAL and the
 * wait-event profile per strategy, drawn as inline SVG so the page works offline). The page is built from
 * this record in the same JVM; nothing reads the JSON back.
 *
 * @param runId the run id
 * @param dialect the database's name for display: postgresql, oracle, h2
 * @param walAndBlockCounters the database gives WAL bytes and index block counters
 *     ({@link Probes#reportsWalAndBlockCounters()}): the JSON and the page carry them
 * @param waitEvents the database gives wait events ({@link Probes#reportsWaitEvents()}): the JSON carries them
 * @param strategies one entry per strategy, in run order
 * @param oracleWaits strategy to its phase's per-instance wait deltas (Oracle {@code GV$SYSTEM_EVENT}); empty on
 *     other databases, and then left out of the JSON
 */
public record KeyGenReport(String runId, String dialect, @JsonIgnore boolean walAndBlockCounters,
    @JsonIgnore boolean waitEvents, List<StrategyFigures> strategies,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, InstanceWaits> oracleWaits) {

  /** The page and JSON file names in the run folder. */
  public static final String PAGE = "key-generation.html";
  public static final String JSON = "key-generation.json";
  private static final Set<String> SERVER_COUNTERS = Set.of("wal_bytes", "idx_blks_read", "idx_blks_hit");

  public KeyGenReport {
    strategies = List.copyOf(strategies);
    oracleWaits = Collections.unmodifiableMap(new LinkedHashMap<>(oracleWaits));
  }

  /** A report without wait deltas. */
  public KeyGenReport(String runId, String dialect, boolean walAndBlockCounters, boolean waitEvents,
      List<StrategyFigures> strategies) {
    this(runId, dialect, walAndBlockCounters, waitEvents, strategies, Map.of());
  }

  /** The same report with the phases' per-instance wait deltas, by strategy name. */
  public KeyGenReport withOracleWaits(Map<String, InstanceWaits> waits) {
    return new KeyGenReport(runId, dialect, walAndBlockCounters, waitEvents, strategies, waits);
  }

  /** The report of a run on {@code dialect}: its name, and the figures its probes give. */
  public static KeyGenReport of(String runId, Dialect dialect, List<StrategyFigures> strategies) {
    return new KeyGenReport(runId, dialect.name(), dialect.reportsWalAndBlockCounters(), dialect.reportsWaitEvents(),
        strategies);
  }

  /** The JSON keys of the per-strategy figures this database does not measure, which the JSON and the page leave out. */
  private Set<String> unmeasured() {
    Set<String> out = new HashSet<>();
    if (!walAndBlockCounters) {
      out.addAll(SERVER_COUNTERS);
    }
    if (!waitEvents) {
      out.add("wait_events");
    }
    return out;
  }

  /** The JSON tree, as {@link #writeJson} writes it: {@code run_id}, {@code dialect}, {@code strategies}. */
  public JsonNode json() {
    try {
      return KeyGenJson.mapper().readTree(KeyGenJson.writer(unmeasured()).writeValueAsBytes(this));
    } catch (IOException e) {
      throw new SequelaException("cannot serialise the key-generation results: " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@link #JSON} into a folder.
   *
   * @return the file's path
   * @throws SequelaException when the file cannot be written
   */
  public Path writeJson(Path folder) {
    Path p = folder.resolve(JSON);
    try {
      KeyGenJson.writer(unmeasured()).writeValue(p.toFile(), this);
      return p;
    } catch (IOException e) {
      throw new SequelaException("cannot write " + p + ": " + e.getMessage(), e);
    }
  }

  /** The console table: one line per strategy, units in the header. */
  public String consoleTable() {
    StringBuilder sb = new StringBuilder();
    String fmt = "%-10s %9s %8s %10s %7s %7s %7s %7s %5s %5s %11s %8s %13s  %s%n";
    sb.append(String.format(fmt, "strategy", "rows", "wall s", "inserts/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "KO",
        "dup", "index MB", "WAL MB", "idx rd/hit", "top wait (share of samples)"));
    for (StrategyFigures f : strategies) {
      sb.append(String.format(Locale.ROOT, fmt, f.name(), f.rows(), String.format(Locale.ROOT, "%.2f", f.wallS()),
          String.format(Locale.ROOT, "%.0f", f.insertsPerS()), dash(f.p50Ms()), dash(f.p95Ms()), dash(f.p99Ms()),
          dash(f.maxMs()), f.ko(), f.duplicates(),
          f.indexBytesAfter() == null ? "-" : mb(f.indexBytesBefore()) + ">" + mb(f.indexBytesAfter()), mb(f.walBytes()),
          f.idxBlksRead() == null ? "-" : f.idxBlksRead() + "/" + f.idxBlksHit(), topWait(f)));
    }
    return sb.toString();
  }

  /** The page's content: summary table, then the charts, built as elements ({@link Html}). */
  public Element pageBody() {
    Element b = Html.content();
    Html.block(b, "h1", "Key generation");
    Html.block(b, "p", "Run " + runId + " on " + dialect + ". One table per strategy, strategies one after another, each"
        + " after a checkpoint; best value per column in bold. Latencies are Gatling's (ms resolution); WAL is the whole server's.");
    KeyGenHtml.summaryTable(b, strategies);
    KeyGenHtml.bars(b, "Inserts per second", "inserts/s", strategies, StrategyFigures::insertsPerS);
    KeyGenHtml.latencyBars(b, strategies);
    KeyGenHtml.bars(b, "Primary-key index size after the phase", "MB", strategies, perMb(StrategyFigures::indexBytesAfter));
    if (!unmeasured().contains("wal_bytes")) {
      KeyGenHtml.bars(b, "WAL written during the phase", "MB", strategies, perMb(StrategyFigures::walBytes));
      KeyGenHtml.bars(b, "Index blocks read from outside shared buffers", "blocks", strategies,
          f -> f.idxBlksRead() == null ? null : f.idxBlksRead().doubleValue());
    }
    KeyGenHtml.waitProfile(b, strategies);
    RacSection.appendKeyGen(b, oracleWaits);
    strategies.stream().map(StrategyFigures::note).filter(n -> n != null).distinct().forEach(n -> Html.block(b, "p", n));
    return b;
  }

  private static Function<StrategyFigures, Double> perMb(Function<StrategyFigures, Long> bytes) {
    return f -> bytes.apply(f) == null ? null : bytes.apply(f) / 1048576.0;
  }

  private static String topWait(StrategyFigures f) {
    long total = f.waitEvents().values().stream().mapToLong(Long::longValue).sum();
    return f.waitEvents().entrySet().stream().findFirst()
        .map(e -> String.format(Locale.ROOT, "%s (%.0f%% of %d)", e.getKey(), 100.0 * e.getValue() / total, total)).orElse("-");
  }

  private static String mb(Long bytes) {
    return bytes == null ? "-" : String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
  }

  private static String dash(Long v) {
    return v == null ? "-" : v.toString();
  }
}

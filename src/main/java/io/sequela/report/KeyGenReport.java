package io.sequela.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.db.Probes;
import io.sequela.stats.StrategyFigures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Function;

/**
 * The key-generation results of one run: {@code key-generation.json} (machine-readable, for nightly jobs),
 * the console table, and the body of {@code key-generation.html} (the DMTN-099-style table with the best
 * value per column marked, then bar charts of inserts/s, latency percentiles, index size, WAL and the
 * wait-event profile per strategy, drawn as inline SVG so the page works offline).
 *
 * @param runId the run id
 * @param dialect the database's name, for display (postgresql, oracle, h2)
 * @param walAndBlockCounters the database gives WAL bytes and index block counters
 *     ({@link Probes#reportsWalAndBlockCounters()}): the JSON and page carry them
 * @param waitEvents the database gives wait events ({@link Probes#reportsWaitEvents()}): the JSON carries them
 * @param strategies one entry per strategy, in run order
 */
public record KeyGenReport(String runId, String dialect, boolean walAndBlockCounters, boolean waitEvents,
    List<StrategyFigures> strategies) {

  /** The page and JSON file names in the run folder. */
  public static final String PAGE = "key-generation.html";
  public static final String JSON = "key-generation.json";
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public KeyGenReport {
    strategies = List.copyOf(strategies);
  }

  /** The report of a run on {@code dialect}: its name, and the figures its probes give. */
  public static KeyGenReport of(String runId, Dialect dialect, List<StrategyFigures> strategies) {
    return new KeyGenReport(runId, dialect.name(), dialect.reportsWalAndBlockCounters(), dialect.reportsWaitEvents(), strategies);
  }

  /** The JSON tree: {@code run_id}, {@code dialect}, {@code strategies} (one object per strategy). */
  public ObjectNode json() {
    ObjectNode root = MAPPER.createObjectNode().put("run_id", runId).put("dialect", dialect);
    ArrayNode list = root.putArray("strategies");
    for (StrategyFigures f : strategies) {
      ObjectNode o = list.addObject().put("name", f.name()).put("rows", f.rows()).put("wall_s", round(f.wallS()))
          .put("inserts_per_s", round(f.insertsPerS())).put("p50_ms", f.p50Ms()).put("p95_ms", f.p95Ms())
          .put("p99_ms", f.p99Ms()).put("max_ms", f.maxMs()).put("ko", f.ko()).put("duplicates", f.duplicates())
          .put("index_bytes_before", f.indexBytesBefore()).put("index_bytes_after", f.indexBytesAfter());
      if (walAndBlockCounters) {
        o.put("wal_bytes", f.walBytes()).put("idx_blks_read", f.idxBlksRead()).put("idx_blks_hit", f.idxBlksHit());
      }
      if (waitEvents) {
        ObjectNode w = o.putObject("wait_events");
        f.waitEvents().forEach(w::put);
      }
      if (f.note() != null) {
        o.put("note", f.note());
      }
    }
    return root;
  }

  /**
   * Writes {@link #JSON} into a folder.
   *
   * @throws SequelaException when the file cannot be written
   */
  public Path writeJson(Path folder) {
    Path p = folder.resolve(JSON);
    try {
      MAPPER.writeValue(p.toFile(), json());
      return p;
    } catch (IOException e) {
      throw new SequelaException("cannot write " + p + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a {@link #JSON} file back, e.g. to write the page once Gatling has written its report. Which figures
   * the database gives is read from the fields the strategies carry ({@code wal_bytes}, {@code wait_events}).
   *
   * @throws SequelaException when the file cannot be read or is not a key-generation result
   */
  public static KeyGenReport readJson(Path file) {
    try {
      JsonNode root = MAPPER.readTree(file.toFile());
      List<StrategyFigures> list = new ArrayList<>();
      boolean wal = false;
      boolean waitEvents = false;
      for (JsonNode s : root.path("strategies")) {
        wal |= s.has("wal_bytes");
        waitEvents |= s.has("wait_events");
        Map<String, Long> waits = new LinkedHashMap<>();
        s.path("wait_events").fields().forEachRemaining(e -> waits.put(e.getKey(), e.getValue().asLong()));
        list.add(new StrategyFigures(s.path("name").asText(), s.path("rows").asLong(), s.path("wall_s").asDouble(),
            s.path("inserts_per_s").asDouble(), optional(s, "p50_ms"), optional(s, "p95_ms"), optional(s, "p99_ms"),
            optional(s, "max_ms"), s.path("ko").asLong(), s.path("duplicates").asLong(), optional(s, "index_bytes_before"),
            optional(s, "index_bytes_after"), optional(s, "wal_bytes"), optional(s, "idx_blks_read"),
            optional(s, "idx_blks_hit"), waits, s.hasNonNull("note") ? s.get("note").asText() : null));
      }
      return new KeyGenReport(root.path("run_id").asText(), root.path("dialect").asText(), wal, waitEvents, list);
    } catch (IOException | RuntimeException e) {
      throw new SequelaException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static Long optional(JsonNode o, String field) {
    return o.hasNonNull(field) ? o.get(field).asLong() : null;
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

  /** The page body (escaped HTML): summary table, then the charts. */
  public String pageBody() {
    StringBuilder b = new StringBuilder();
    b.append("<h1>Key generation</h1>\n<p>Run ").append(Html.escape(runId)).append(" on ").append(Html.escape(dialect))
        .append(". One table per strategy, strategies one after another, each after a checkpoint; best value per column in bold."
            + " Latencies are Gatling's (ms resolution); WAL is the whole server's.</p>\n");
    b.append(KeyGenHtml.summaryTable(strategies));
    b.append(KeyGenHtml.bars("Inserts per second", "inserts/s", strategies, StrategyFigures::insertsPerS));
    b.append(KeyGenHtml.latencyBars(strategies));
    b.append(KeyGenHtml.bars("Primary-key index size after the phase", "MB", strategies, perMb(StrategyFigures::indexBytesAfter)));
    if (walAndBlockCounters) {
      b.append(KeyGenHtml.bars("WAL written during the phase", "MB", strategies, perMb(StrategyFigures::walBytes)));
      b.append(KeyGenHtml.bars("Index blocks read from outside shared buffers", "blocks", strategies,
          f -> f.idxBlksRead() == null ? null : f.idxBlksRead().doubleValue()));
    }
    b.append(KeyGenHtml.waitProfile(strategies));
    strategies.stream().filter(f -> f.note() != null).map(StrategyFigures::note).distinct()
        .forEach(n -> b.append("<p>").append(Html.escape(n)).append("</p>\n"));
    return b.toString();
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

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}

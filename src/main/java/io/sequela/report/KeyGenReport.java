package io.sequela.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import io.sequela.SequelaException;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.sequela.config.KeyGenPlan;
import io.sequela.db.InstanceWaits;
import io.sequela.db.Dialect;
import io.sequela.db.ProbeSql;
import io.sequela.stats.BlockFigures;
import io.sequela.stats.KeyGenFigures;
import io.sequela.stats.KeyGenRanking;
import io.sequela.stats.StrategyComparison;
import io.sequela.stats.StrategyFigures;
import io.sequela.stats.WarmupFigures;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The key-generation results of one run, the one set of figures behind {@code key-generation.json}
 * (machine-readable, for nightly jobs; written by Jackson from this record, {@link KeyGenJson}), the
 * console table, and the content of {@code key-generation.html} ({@link KeyGenHtml}); it writes both into the run
 * folder ({@link #writeJson}, {@link #writePage}). Its figures are handed to it finished ({@link KeyGenFigures}, the
 * run's analysis, which the nightly checks get too); it computes none. Nothing reads the JSON back.
 *
 * @param runId the run id
 * @param dialect the database's name for display: postgresql, oracle, h2
 * @param walAndBlockCounters the database gives WAL bytes and index block counters
 *     ({@link ProbeSql#reportsWalAndBlockCounters()}): the JSON and the page carry them
 * @param waitEvents the database gives wait events ({@link ProbeSql#reportsWaitEvents()}): the JSON carries them
 * @param users concurrent users of every block
 * @param commit the commit policy: {@code each}, {@code every N} or {@code end} (once per user and block)
 * @param preseedRows rows pre-seeded into each table
 * @param design the experiment design in one line: warm-up, blocks per strategy, block, order seed
 * @param order the blocks' order as letters, rounds apart (A is the plan's first strategy)
 * @param blockS how long one block ran, s
 * @param blocksPerStrategy measured blocks per strategy the plan asked for
 * @param orderSeed the seed of the blocks' balanced order
 * @param waitSampleIntervalMs how often the users' sessions were sampled for wait events, ms (PostgreSQL's
 *     pg_stat_activity; Oracle's ASH samples once a second whatever this says)
 * @param warmups each strategy's untimed warm-up, in plan order; empty without one
 * @param strategies per strategy, the figures over its blocks (mean inserts/s with its interval), in plan order
 * @param comparisons every pair of strategies, from their paired blocks
 * @param ranking the strategies by mean inserts/s, told apart only where an interval excludes 0
 * @param blocks every measured block in run order
 * @param oracleWaits block ({@code uuid4 block 2}) to its per-instance wait deltas (Oracle {@code GV$SYSTEM_EVENT});
 *     empty on other databases, and then left out of the JSON
 * @param stopped why the run stopped before its last block and what the figures then cover (an interrupted run), or
 *     null for a run that ran every step; left out of the JSON when null
 */
public record KeyGenReport(String runId, String dialect, @JsonIgnore boolean walAndBlockCounters,
    @JsonIgnore boolean waitEvents, int users, String commit, long preseedRows, String design, String order,
    double blockS, int blocksPerStrategy, long orderSeed, double waitSampleIntervalMs, List<WarmupFigures> warmups,
    List<StrategyFigures> strategies, List<StrategyComparison> comparisons, List<KeyGenRanking.Place> ranking,
    List<BlockFigures> blocks, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, InstanceWaits> oracleWaits,
    @JsonInclude(JsonInclude.Include.NON_NULL) String stopped) {

  /** The page and JSON file names in the run folder. */
  public static final String PAGE = "key-generation.html";
  public static final String JSON = "key-generation.json";
  /** Below this many session samples a wait-event share is indicative only. */
  public static final long FEW_WAIT_SAMPLES = 100;
  private static final Set<String> SERVER_COUNTERS = Set.of("wal_bytes", "wal_bytes_min", "wal_bytes_max", "idx_blks_read",
      "idx_blks_read_min", "idx_blks_read_max", "idx_blks_hit");

  public KeyGenReport {
    warmups = List.copyOf(warmups);
    strategies = List.copyOf(strategies);
    comparisons = List.copyOf(comparisons);
    ranking = List.copyOf(ranking);
    blocks = List.copyOf(blocks);
    oracleWaits = Collections.unmodifiableMap(new LinkedHashMap<>(oracleWaits));
  }

  /** The same report with the blocks' per-instance wait deltas, by block name ({@code uuid4 block 2}). */
  public KeyGenReport withOracleWaits(Map<String, InstanceWaits> waits) {
    return new KeyGenReport(runId, dialect, walAndBlockCounters, waitEvents, users, commit, preseedRows, design, order,
        blockS, blocksPerStrategy, orderSeed, waitSampleIntervalMs, warmups, strategies, comparisons, ranking, blocks,
        waits, stopped);
  }

  /**
   * The same report for a run that stopped before its last block.
   *
   * @param why why, and what the figures cover, in one sentence (e.g. {@code interrupted (SIGINT) after 5 of 12
   *     measured blocks: ...}); null for a run that ran every step
   */
  public KeyGenReport withStopped(String why) {
    return new KeyGenReport(runId, dialect, walAndBlockCounters, waitEvents, users, commit, preseedRows, design, order,
        blockS, blocksPerStrategy, orderSeed, waitSampleIntervalMs, warmups, strategies, comparisons, ranking, blocks,
        oracleWaits, why);
  }

  /**
   * The report of a run on {@code dialect}: its name, the figures its probes give, and the run's figures as its
   * analysis computed them.
   *
   * @param waitSampleInterval how often the users' sessions were sampled for wait events
   * @param figures the run's figures, computed once by its analysis
   */
  public static KeyGenReport of(String runId, Dialect dialect, KeyGenPlan plan, Duration waitSampleInterval,
      KeyGenFigures figures) {
    return new KeyGenReport(runId, dialect.name(), dialect.reportsWalAndBlockCounters(), dialect.reportsWaitEvents(),
        plan.users(), plan.commit().toString(), plan.preseedRows(), figures.design(), figures.order(),
        plan.block().toMillis() / 1000.0, plan.blocks(), plan.orderSeed(), waitSampleInterval.toNanos() / 1e6,
        figures.warmups(), figures.strategies(), figures.comparisons(), figures.ranking(), figures.blocks(), Map.of(), null);
  }

  /** The JSON keys of the per-strategy and per-block figures this database does not measure, which the JSON and the page leave out. */
  Set<String> unmeasured() {
    Set<String> out = new HashSet<>();
    if (!walAndBlockCounters) {
      out.addAll(SERVER_COUNTERS);
    }
    if (!waitEvents) {
      out.add("wait_events");
      out.add("wait_samples");
    }
    return out;
  }

  /** The JSON tree, as {@link #writeJson} writes it. */
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

  /**
   * Adds {@link #PAGE} to a run folder ({@link ReportFolder}: report style, menu link on every page); call once
   * Gatling wrote index.html (from the simulation's after-report hook, with the same results that wrote the JSON).
   * Writing it again replaces the page and adds no second link.
   *
   * @return the page's path
   * @throws SequelaException when a file cannot be read or written, or the folder holds no Gatling report
   */
  public Path writePage(Path folder) {
    return ReportFolder.at(folder).addPage(PAGE, "Key generation", "Key generation", pageBody());
  }

  /**
   * The console table (mean inserts/s over the blocks with its 95 % interval, latency medians over the blocks with
   * their range; units in the header), then the ranking.
   */
  public String consoleTable() {
    StringBuilder sb = new StringBuilder();
    String fmt = "%-10s %6s %23s %7s %17s %8s %5s %5s %11s %8s %7s %7s  %s%n";
    sb.append(String.format(fmt, "strategy", "blocks", "inserts/s (95 % CI)", "p50 us", "p99 us (min..max)", "max us",
        "KO", "dup", "index MB", "WAL MB", "idx rd", "samples", "top wait (share of samples)"));
    for (StrategyFigures f : strategies) {
      sb.append(String.format(Locale.ROOT, fmt, f.name(), f.blocks(), KeyGenHtml.withInterval(f),
          dash(f.p50Us()), f.p99Us() == null ? "-" : f.p99Us() + " (" + f.p99UsMin() + ".." + f.p99UsMax() + ")", dash(f.maxUs()),
          f.ko(), f.duplicates(), f.indexBytesAfter() == null ? "-" : mb(f.indexBytesBefore()) + ">" + mb(f.indexBytesAfter()),
          mb(f.walBytes()), dash(f.idxBlksRead()), waitEvents ? Long.toString(f.waitSamples()) : "-", KeyGenHtml.topWait(f)));
    }
    sb.append("ranking by mean inserts/s (a strategy is ranked below another only where the interval of their"
        + " difference excludes 0): ").append(KeyGenHtml.rankingLine(ranking)).append(System.lineSeparator());
    return sb.toString();
  }

  /** The page's content, built as elements ({@link Html}). */
  public Element pageBody() {
    return KeyGenHtml.page(this);
  }

  static String mb(Long bytes) {
    return bytes == null ? "-" : String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
  }

  private static String dash(Long v) {
    return v == null ? "-" : v.toString();
  }
}

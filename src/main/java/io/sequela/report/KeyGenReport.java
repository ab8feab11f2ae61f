package io.sequela.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import io.sequela.SequelaException;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.sequela.config.KeyGenPlan;
import io.sequela.db.InstanceWaits;
import io.sequela.db.Dialect;
import io.sequela.db.ProbeSql;
import io.sequela.stats.KeyGenRanking;
import io.sequela.stats.RoundFigures;
import io.sequela.stats.StrategyFigures;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * folder ({@link #writeJson}, {@link #writePage}). The page is built from this record in the same JVM; nothing reads
 * the JSON back.
 *
 * @param runId the run id
 * @param dialect the database's name for display: postgresql, oracle, h2
 * @param walAndBlockCounters the database gives WAL bytes and index block counters
 *     ({@link ProbeSql#reportsWalAndBlockCounters()}): the JSON and the page carry them
 * @param waitEvents the database gives wait events ({@link ProbeSql#reportsWaitEvents()}): the JSON carries them
 * @param users concurrent users of every phase
 * @param insertsPerUser inserts per user, strategy and round
 * @param commit the commit policy: {@code each}, {@code every N} or {@code end}
 * @param preseedRows rows pre-seeded into each table
 * @param warmupInserts untimed inserts per strategy before the first round (deleted before it), 0 for none
 * @param waitSampleIntervalMs how often the users' sessions were sampled for wait events, ms (PostgreSQL's
 *     pg_stat_activity; Oracle's ASH samples once a second whatever this says)
 * @param strategies per strategy, the figures over the rounds (medians and ranges), in plan order
 * @param ranking the strategies by median inserts/s, told apart only where their ranges do not overlap
 * @param rounds every measured round: its order and its per-strategy figures
 * @param oracleWaits phase ({@code uuid4 round 2}) to its per-instance wait deltas (Oracle {@code GV$SYSTEM_EVENT});
 *     empty on other databases, and then left out of the JSON
 */
public record KeyGenReport(String runId, String dialect, @JsonIgnore boolean walAndBlockCounters,
    @JsonIgnore boolean waitEvents, int users, int insertsPerUser, String commit, long preseedRows, int warmupInserts,
    double waitSampleIntervalMs, List<StrategyFigures> strategies, List<KeyGenRanking.Place> ranking, List<RoundFigures> rounds,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, InstanceWaits> oracleWaits) {

  /** The page and JSON file names in the run folder. */
  public static final String PAGE = "key-generation.html";
  public static final String JSON = "key-generation.json";
  /** Below this many session samples a wait-event share is indicative only. */
  public static final long FEW_WAIT_SAMPLES = 100;
  private static final Set<String> SERVER_COUNTERS = Set.of("wal_bytes", "wal_bytes_min", "wal_bytes_max", "idx_blks_read",
      "idx_blks_read_min", "idx_blks_read_max", "idx_blks_hit");

  public KeyGenReport {
    strategies = List.copyOf(strategies);
    ranking = List.copyOf(ranking);
    rounds = List.copyOf(rounds);
    oracleWaits = Collections.unmodifiableMap(new LinkedHashMap<>(oracleWaits));
  }

  /** The same report with the phases' per-instance wait deltas, by phase name ({@code uuid4 round 2}). */
  public KeyGenReport withOracleWaits(Map<String, InstanceWaits> waits) {
    return new KeyGenReport(runId, dialect, walAndBlockCounters, waitEvents, users, insertsPerUser, commit, preseedRows,
        warmupInserts, waitSampleIntervalMs, strategies, ranking, rounds, waits);
  }

  /**
   * The report of a run on {@code dialect}: its name, the figures its probes give, each strategy's figures over the
   * rounds (in round 1's order, the plan's) and the ranking.
   *
   * @param waitSampleInterval how often the users' sessions were sampled for wait events
   * @param rounds the measured rounds in round order, at least one
   */
  public static KeyGenReport of(String runId, Dialect dialect, KeyGenPlan plan, Duration waitSampleInterval,
      List<RoundFigures> rounds) {
    List<StrategyFigures> strategies = new ArrayList<>();
    for (String name : rounds.get(0).order()) {
      strategies.add(StrategyFigures.over(name, rounds.stream().map(r -> r.strategies().get(name)).toList()));
    }
    return new KeyGenReport(runId, dialect.name(), dialect.reportsWalAndBlockCounters(), dialect.reportsWaitEvents(),
        plan.users(), plan.insertsPerUser(), plan.commit().toString(), plan.preseedRows(), plan.warmupInserts(),
        waitSampleInterval.toNanos() / 1e6, strategies,
        KeyGenRanking.of(strategies), rounds, Map.of());
  }

  /** The JSON keys of the per-strategy and per-round figures this database does not measure, which the JSON and the page leave out. */
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

  /** The console table (medians over the rounds, ranges in brackets; units in the header), then the ranking. */
  public String consoleTable() {
    StringBuilder sb = new StringBuilder();
    String fmt = "%-10s %21s %7s %17s %8s %5s %5s %11s %8s %7s %7s  %s%n";
    sb.append(String.format(fmt, "strategy", "inserts/s (min..max)", "p50 us", "p99 us (min..max)", "max us", "KO", "dup",
        "index MB", "WAL MB", "idx rd", "samples", "top wait (share of samples)"));
    for (StrategyFigures f : strategies) {
      sb.append(String.format(Locale.ROOT, fmt, f.name(),
          String.format(Locale.ROOT, "%.0f (%.0f..%.0f)", f.insertsPerS(), f.insertsPerSMin(), f.insertsPerSMax()),
          dash(f.p50Us()), f.p99Us() == null ? "-" : f.p99Us() + " (" + f.p99UsMin() + ".." + f.p99UsMax() + ")", dash(f.maxUs()),
          f.ko(), f.duplicates(), f.indexBytesAfter() == null ? "-" : mb(f.indexBytesBefore()) + ">" + mb(f.indexBytesAfter()),
          mb(f.walBytes()), dash(f.idxBlksRead()), waitEvents ? Long.toString(f.waitSamples()) : "-", KeyGenHtml.topWait(f)));
    }
    sb.append("ranking by median inserts/s (equal ranks: within noise): ").append(KeyGenHtml.rankingLine(ranking))
        .append(System.lineSeparator());
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

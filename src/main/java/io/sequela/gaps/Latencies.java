package io.sequela.gaps;

import io.sequela.config.SequenceMode;
import io.sequela.config.StageNode;
import io.sequela.stats.DifferenceInterval;
import io.sequela.stats.LatencyRecorder;
import io.sequela.stats.LatencySummary;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Insert latencies per test x mode x node in µs, apart from them the commits timed on their own (a commit policy
 * other than autocommit), and the failed inserts (KO) per error code. The latencies come either from the workers'
 * own ns timings ({@link #ofTags}, the {@link LatencyRecorder} totals: {@link Source#WORKER}) or, for the JDBC
 * plugin, from Gatling's whole-ms response times in simulation.log ({@link #record}: {@link Source#GATLING_MS});
 * the KOs always come from simulation.log ({@link #record}, where each KO message carries its code). Requests
 * and tags are read through {@link StageNode}; other requests and tags are ignored. Filled by the runner; the pages
 * only read it.
 */
public final class Latencies {

  /** The code of a KO that carries none. */
  public static final String UNKNOWN_CODE = "unknown";
  /** The confidence of {@link #difference}'s intervals. */
  public static final double CONFIDENCE = 0.95;

  /** Where the latencies come from. */
  public enum Source {
    /** sequela's worker: execute (+ commit) timed in ns, recorded in µs. */
    WORKER,
    /** Gatling's simulation.log: whole ms (the JDBC plugin, or recording off), recorded as ms x 1,000 µs. */
    GATLING_MS,
    /** None were recorded. */
    NONE
  }

  /**
   * ORDER minus NOORDER insert latency of one test, all nodes together, µs.
   *
   * @param median difference of medians with its {@link #CONFIDENCE} interval
   * @param mean difference of means with its interval
   */
  public record Difference(DifferenceInterval median, DifferenceInterval mean) {}

  private final Map<StageNode, Histogram> inserts = new HashMap<>();
  private final Map<StageNode, Histogram> commits = new HashMap<>();
  /** Per test x mode x node and measured block (tags with a block), the block's own inserts. */
  private final Map<StageNode, Histogram> blocks = new HashMap<>();
  private final Map<StageNode, Long> ko = new HashMap<>();
  private final Map<StageNode, Map<String, Long>> koCodes = new HashMap<>();
  private final Map<String, Optional<Difference>> differences = new HashMap<>();
  private Source source;

  private Latencies(Source source) {
    this.source = source;
  }

  /** An empty set for {@link #record} (the runner feeds it this run's requests of simulation.log). */
  public Latencies() {
    this(Source.NONE);
  }

  /** No latencies: pages show the database figures only. */
  public static Latencies none() {
    return new Latencies(Source.NONE);
  }

  /**
   * The workers' latencies; {@link #record} then adds simulation.log's KOs (its OK response times are ignored).
   *
   * @param byTag histograms in µs by {@link StageNode#tag} or {@link StageNode#commitTag}; other tags are ignored. A
   *     tag with a block counts in its node's whole test x mode and, on its own, in {@link #block}
   */
  public static Latencies ofTags(Map<String, Histogram> byTag) {
    Latencies l = new Latencies(Source.WORKER);
    byTag.forEach((tag, h) -> {
      if (h.getTotalCount() > 0) {
        StageNode.ofTag(tag).ifPresent(k -> {
          l.inserts.computeIfAbsent(k.withoutBlock(), x -> histogram()).add(h);
          if (k.block() > 0) {
            l.blocks.computeIfAbsent(k, x -> histogram()).add(h);
          }
        });
        StageNode.ofCommitTag(tag).ifPresent(k -> l.commits.computeIfAbsent(k.withoutBlock(), x -> histogram()).add(h));
      }
    });
    return l;
  }

  /**
   * All nodes' insert latencies of one measured block of a test in one new histogram, µs (empty when none: no
   * block tags, e.g. Gatling's ms).
   *
   * @param block the block's number within the test, 1-based ({@link StageNode#block})
   */
  public Histogram block(String test, int block) {
    Histogram all = histogram();
    blocks.forEach((k, h) -> {
      if (k.test().equals(test) && k.block() == block) {
        all.add(h);
      }
    });
    return all;
  }

  /**
   * Records one request of simulation.log without an error code; as {@link #record(String, long, boolean, String)}.
   */
  public void record(String requestName, long millis, boolean okStatus) {
    record(requestName, millis, okStatus, null);
  }

  /**
   * Records one request of Gatling's simulation.log: a KO is counted under its code; an OK's whole-ms response
   * time is recorded (as µs) unless these latencies are the workers' own ({@link #ofTags}).
   *
   * @param requestName the request's name; ignored unless it is a {@link StageNode#requestName}
   * @param millis its response time in ms (negative values count as 0)
   * @param okStatus false for a KO, which is counted under its code but not recorded
   * @param koCode the KO's error code (vendor code or SQLSTATE, e.g. 1062, 23505); ignored for OK; null counts
   *     as {@value #UNKNOWN_CODE}
   */
  public synchronized void record(String requestName, long millis, boolean okStatus, String koCode) {
    Optional<StageNode> parsed = StageNode.ofRequestName(requestName);
    if (parsed.isEmpty()) {
      return;
    }
    StageNode k = parsed.get();
    if (!okStatus) {
      ko.merge(k, 1L, Long::sum);
      koCodes.computeIfAbsent(k, x -> new TreeMap<>()).merge(koCode == null ? UNKNOWN_CODE : koCode, 1L, Long::sum);
    } else if (source != Source.WORKER) {
      source = Source.GATLING_MS;
      differences.clear();
      inserts.computeIfAbsent(k, x -> histogram())
          .recordValue(Math.min(LatencyRecorder.HIGHEST_US, Math.max(0, millis) * 1000));
    }
  }

  /** Where these latencies come from. */
  public Source source() {
    return source;
  }

  /** One node's insert latencies, µs; empty when none were recorded. */
  public Optional<LatencySummary> node(String test, SequenceMode mode, int node) {
    return Optional.ofNullable(inserts.get(new StageNode(test, mode, node))).map(LatencySummary::of);
  }

  /** One node's commits timed on their own, µs; empty when its inserts committed with them (autocommit). */
  public Optional<LatencySummary> commit(String test, SequenceMode mode, int node) {
    return Optional.ofNullable(commits.get(new StageNode(test, mode, node))).map(LatencySummary::of);
  }

  /** All nodes' insert latencies of a test x mode together, µs; empty when none were recorded. */
  public Optional<LatencySummary> mode(String test, SequenceMode mode) {
    Histogram all = modeHistogram(test, mode);
    return all.getTotalCount() == 0 ? Optional.empty() : Optional.of(LatencySummary.of(all));
  }

  /** All nodes' insert latencies of a test x mode in one new histogram, µs (empty when none). */
  public Histogram modeHistogram(String test, SequenceMode mode) {
    Histogram all = histogram();
    inserts.forEach((k, h) -> {
      if (k.test().equals(test) && k.mode() == mode) {
        all.add(h);
      }
    });
    return all;
  }

  /**
   * ORDER minus NOORDER insert latency of a test ({@link DifferenceInterval}, bootstrap over the inserts), computed
   * once per test.
   *
   * @return empty when either mode has no latencies
   */
  public synchronized Optional<Difference> difference(String test) {
    return differences.computeIfAbsent(test, t -> {
      Histogram order = modeHistogram(t, SequenceMode.ORDER);
      Histogram noorder = modeHistogram(t, SequenceMode.NOORDER);
      return DifferenceInterval.ofMedians(order, noorder, CONFIDENCE)
          .flatMap(m -> DifferenceInterval.ofMeans(order, noorder, CONFIDENCE).map(a -> new Difference(m, a)));
    });
  }

  /** KO requests of a test x mode, all nodes, per error code (codes in order); empty without KOs. */
  public SortedMap<String, Long> koByCode(String test, SequenceMode mode) {
    SortedMap<String, Long> out = new TreeMap<>();
    koCodes.forEach((k, codes) -> {
      if (k.test().equals(test) && k.mode() == mode) {
        codes.forEach((code, n) -> out.merge(code, n, Long::sum));
      }
    });
    return out;
  }

  /** KO requests of one node in a test x mode, per error code (codes in order); empty without KOs. */
  public SortedMap<String, Long> koByCode(String test, SequenceMode mode, int node) {
    return new TreeMap<>(koCodes.getOrDefault(new StageNode(test, mode, node), Map.of()));
  }

  /** KO requests of a test x mode per node (nodes in order) and error code; nodes without KOs are absent. */
  public SortedMap<Integer, SortedMap<String, Long>> koByNodeAndCode(String test, SequenceMode mode) {
    SortedMap<Integer, SortedMap<String, Long>> out = new TreeMap<>();
    koCodes.forEach((k, codes) -> {
      if (k.test().equals(test) && k.mode() == mode) {
        out.put(k.node(), new TreeMap<>(codes));
      }
    });
    return out;
  }

  /** KO requests of a test x mode, all nodes. */
  public long koCount(String test, SequenceMode mode) {
    return ko.entrySet().stream().filter(e -> e.getKey().test().equals(test) && e.getKey().mode() == mode)
        .mapToLong(Map.Entry::getValue).sum();
  }

  private static Histogram histogram() {
    return new Histogram(1, LatencyRecorder.HIGHEST_US, LatencyRecorder.DIGITS);
  }
}

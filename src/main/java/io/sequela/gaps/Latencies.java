package io.sequela.gaps;

import io.sequela.config.SequenceMode;
import io.sequela.config.StageNode;
import io.sequela.stats.DifferenceInterval;
import io.sequela.stats.LatencyRecorder;
import io.sequela.stats.LatencySummary;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;

/**
 * Insert latencies per test x mode x node in µs, apart from them the commits timed on their own (a commit policy
 * other than autocommit), and the failed inserts (KO) per error code. Built complete by one {@link Builder} pass:
 * the latencies come either from the workers' own ns timings ({@link #builder(Map)}, the {@link LatencyRecorder}
 * totals: {@link Source#WORKER}) or, for the JDBC plugin or recording off, from each request's span in whole ms
 * ({@link Builder#record}: {@link Source#GATLING_MS}); the KOs always come from the requests ({@link Builder#record},
 * each with its code). Requests and tags are read through {@link StageNode}; other requests and tags are ignored.
 * Immutable once built: the runner builds it, the analysis, pages and checks only read it.
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
    /** Each request's span in whole ms (the JDBC plugin, or recording off), recorded as ms x 1,000 µs. */
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

  private final Map<StageNode, Histogram> inserts;
  private final Map<StageNode, Histogram> commits;
  /** Per test x mode x node and measured block (tags with a block), the block's own inserts. */
  private final Map<StageNode, Histogram> blocks;
  private final Map<StageNode, Long> ko;
  private final Map<StageNode, Map<String, Long>> koCodes;
  private final Source source;
  /** Each test's {@link #difference}, computed on first ask (a bootstrap) from the histograms above, never changed. */
  private final Map<String, Optional<Difference>> differences = new ConcurrentHashMap<>();

  private Latencies(Builder b) {
    this.inserts = Map.copyOf(b.inserts);
    this.commits = Map.copyOf(b.commits);
    this.blocks = Map.copyOf(b.blocks);
    this.ko = Map.copyOf(b.ko);
    Map<StageNode, Map<String, Long>> codes = new HashMap<>();
    b.koCodes.forEach((k, c) -> codes.put(k, Collections.unmodifiableSortedMap(new TreeMap<>(c))));
    this.koCodes = Map.copyOf(codes);
    this.source = b.source;
  }

  /** No latencies: pages show the database figures only. */
  public static Latencies none() {
    return builder().build();
  }

  /**
   * A builder without the workers' latencies: {@link Builder#record} adds each request's KO code and, for an OK,
   * its whole-ms span ({@link Source#GATLING_MS}; {@link Source#NONE} when no OK is recorded).
   */
  public static Builder builder() {
    return new Builder(Source.NONE);
  }

  /**
   * A builder over the workers' latencies; {@link Builder#record} then adds the requests' KOs (their OK spans are
   * ignored).
   *
   * @param byTag histograms in µs by {@link StageNode#tag} or {@link StageNode#commitTag}; other tags are ignored. A
   *     tag with a block counts in its node's whole test x mode and, on its own, in {@link #block}
   */
  public static Builder builder(Map<String, Histogram> byTag) {
    Builder b = new Builder(Source.WORKER);
    byTag.forEach((tag, h) -> {
      if (h.getTotalCount() > 0) {
        StageNode.ofTag(tag).ifPresent(k -> {
          b.inserts.computeIfAbsent(k.withoutBlock(), x -> histogram()).add(h);
          if (k.block() > 0) {
            b.blocks.computeIfAbsent(k, x -> histogram()).add(h);
          }
        });
        StageNode.ofCommitTag(tag).ifPresent(k -> b.commits.computeIfAbsent(k.withoutBlock(), x -> histogram()).add(h));
      }
    });
    return b;
  }

  /** The workers' latencies alone, without requests: {@code builder(byTag).build()}. */
  public static Latencies ofTags(Map<String, Histogram> byTag) {
    return builder(byTag).build();
  }

  /**
   * Gathers one run's latencies in one pass over its requests, then {@link #build}s them once. Not thread-safe; the
   * histograms it holds go into the built {@link Latencies} as they are, so a builder builds once.
   */
  public static final class Builder {

    private final Map<StageNode, Histogram> inserts = new HashMap<>();
    private final Map<StageNode, Histogram> commits = new HashMap<>();
    private final Map<StageNode, Histogram> blocks = new HashMap<>();
    private final Map<StageNode, Long> ko = new HashMap<>();
    private final Map<StageNode, Map<String, Long>> koCodes = new HashMap<>();
    private Source source;
    private boolean built;

    private Builder(Source source) {
      this.source = source;
    }

    /**
     * Records one request: a KO is counted under its code; an OK's whole-ms span is recorded (as µs) unless the
     * latencies are the workers' own ({@link #builder(Map)}).
     *
     * @param requestName the request's name; ignored unless it is a {@link StageNode#requestName}
     * @param millis its span in ms (negative values count as 0)
     * @param okStatus false for a KO, which is counted under its code but not recorded
     * @param koCode the KO's error code (vendor code or SQLSTATE, e.g. 1062, 23505); ignored for OK; null counts
     *     as {@value #UNKNOWN_CODE}
     * @return this builder
     * @throws IllegalStateException once built
     */
    public Builder record(String requestName, long millis, boolean okStatus, String koCode) {
      if (built) {
        throw new IllegalStateException("these latencies are built");
      }
      Optional<StageNode> parsed = StageNode.ofRequestName(requestName);
      if (parsed.isEmpty()) {
        return this;
      }
      StageNode k = parsed.get();
      if (!okStatus) {
        ko.merge(k, 1L, Long::sum);
        koCodes.computeIfAbsent(k, x -> new TreeMap<>()).merge(koCode == null ? UNKNOWN_CODE : koCode, 1L, Long::sum);
      } else if (source != Source.WORKER) {
        source = Source.GATLING_MS;
        inserts.computeIfAbsent(k, x -> histogram())
            .recordValue(Math.min(LatencyRecorder.HIGHEST_US, Math.max(0, millis) * 1000));
      }
      return this;
    }

    /**
     * The latencies, complete and immutable.
     *
     * @throws IllegalStateException when called twice
     */
    public Latencies build() {
      if (built) {
        throw new IllegalStateException("these latencies are built");
      }
      built = true;
      return new Latencies(this);
    }
  }

  /**
   * All nodes' insert latencies of one measured block of a test in one new histogram, µs (empty when none: no
   * block tags, e.g. Gatling's ms).
   *
   * @param block the block's number within the test, 1-based ({@link StageNode#block})
   */
  public Histogram block(String test, int block) {
    return sum(blocks, k -> k.test().equals(test) && k.block() == block);
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
    return sum(inserts, k -> k.test().equals(test) && k.mode() == mode);
  }

  /** The histograms of the keys {@code which} takes, added into one new histogram. */
  private static Histogram sum(Map<StageNode, Histogram> from, Predicate<StageNode> which) {
    Histogram all = histogram();
    from.forEach((k, h) -> {
      if (which.test(k)) {
        all.add(h);
      }
    });
    return all;
  }

  /**
   * ORDER minus NOORDER insert latency of a test ({@link DifferenceInterval}, bootstrap over the inserts), computed
   * once per test (on its first ask).
   *
   * @return empty when either mode has no latencies
   */
  public Optional<Difference> difference(String test) {
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

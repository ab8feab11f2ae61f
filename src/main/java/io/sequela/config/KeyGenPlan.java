package io.sequela.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated KeyGenSimulation plan. Immutable; {@link #toString()} never shows a password.
 *
 * <p>The experiment design (docs/experiment-design.md): every strategy first warms up untimed ({@code warmup}), then
 * each runs {@code blocks} measured blocks of {@code block} each, all users inserting as fast as they can, the blocks
 * of all strategies interleaved in a balanced order drawn with {@code order_seed}.
 *
 * @param source the plan's file or resource name
 * @param target where the tables live (not yet resolved)
 * @param strategies the strategies the plan names, in plan order, checked against the target's database by
 *     {@code keys.PlanStrategies}; empty when the plan names none (every strategy the database supports)
 * @param users concurrent virtual users per strategy, each with its own connection
 * @param commit the commit policy ({@code end}: one commit per user at the end of each block)
 * @param preseedRows rows loaded into each table before the warm-up (not timed)
 * @param sequenceCache CACHE of the sequences behind seq, site_seq and seq_scale
 * @param blockSize keys per block of the seq_block allocator (not a measured block)
 * @param model the populator model that pre-seeds the tables, a file or classpath resource
 * @param block how long one measured block runs, 10 ms to 1 h
 * @param blocks measured blocks per strategy, 1 to 1000
 * @param warmup how long each strategy runs untimed before the first block
 * @param orderSeed the seed of the blocks' balanced order (recorded in the design stamp)
 * @param sharedBuffers the embedded PostgreSQL's shared_buffers the plan asks for (e.g. {@code 4MB}), or null
 * @param assertions the limits checked after the run for every strategy
 * @param strategyAssertions strategy id to the limits that override {@code assertions} for that strategy
 * @param directIo the embedded PostgreSQL runs with {@code debug_io_direct = data}: no operating-system cache under
 *     its buffer pool, so {@code sharedBuffers} is the whole cache, as an Oracle SGA is (docs/embedded.md)
 */
public record KeyGenPlan(String source, TargetSpec target, List<StrategyName> strategies, int users, CommitPolicy commit,
    long preseedRows, int sequenceCache, int blockSize, String model, Duration block, int blocks, Warmup warmup,
    long orderSeed, String sharedBuffers, Limits assertions, Map<String, Limits> strategyAssertions, boolean directIo) {

  /**
   * A strategy's untimed warm-up as the plan gives it ({@code warmup}): {@code auto} (until latency stops drifting, at
   * most {@code max}), a duration, or a number of inserts (all users together; 0: none).
   *
   * @param kind which of the three
   * @param duration for {@link Kind#DURATION}: how long; for {@link Kind#AUTO}: the longest it may run
   * @param inserts for {@link Kind#INSERTS}: how many, 0 for no warm-up
   */
  public record Warmup(Kind kind, Duration duration, long inserts) {

    /** The three forms. */
    public enum Kind { AUTO, DURATION, INSERTS }

    /** No warm-up. */
    public static final Warmup NONE = new Warmup(Kind.INSERTS, Duration.ZERO, 0);

    /** True when the strategies run no warm-up at all. */
    public boolean none() {
      return kind == Kind.INSERTS && inserts == 0 || kind == Kind.DURATION && duration.isZero();
    }
  }

  public KeyGenPlan {
    strategies = List.copyOf(strategies);
    assertions = assertions == null ? Limits.NONE : assertions;
    strategyAssertions = strategyAssertions == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(strategyAssertions));
  }

  /** A plan without assertions. */
  public KeyGenPlan(String source, TargetSpec target, List<StrategyName> strategies, int users, CommitPolicy commit,
      long preseedRows, int sequenceCache, int blockSize, String model, Duration block, int blocks, Warmup warmup,
      long orderSeed, String sharedBuffers) {
    this(source, target, strategies, users, commit, preseedRows, sequenceCache, blockSize, model, block, blocks, warmup,
        orderSeed, sharedBuffers, Limits.NONE, Map.of(), false);
  }

  /** A plan with assertions and the operating system's cache under the buffer pool. */
  public KeyGenPlan(String source, TargetSpec target, List<StrategyName> strategies, int users, CommitPolicy commit,
      long preseedRows, int sequenceCache, int blockSize, String model, Duration block, int blocks, Warmup warmup,
      long orderSeed, String sharedBuffers, Limits assertions, Map<String, Limits> strategyAssertions) {
    this(source, target, strategies, users, commit, preseedRows, sequenceCache, blockSize, model, block, blocks, warmup,
        orderSeed, sharedBuffers, assertions, strategyAssertions, false);
  }

  /** The limits of one strategy: the plan's, overridden by the strategy's own. */
  public Limits assertions(String strategyId) {
    return assertions.overriddenBy(strategyAssertions.getOrDefault(strategyId, Limits.NONE));
  }
}

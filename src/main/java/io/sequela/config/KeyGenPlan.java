package io.sequela.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated KeyGenSimulation plan. Immutable; {@link #toString()} never shows a password.
 *
 * @param source the plan's file or resource name
 * @param target where the tables live (not yet resolved)
 * @param strategies the strategies the plan names, in run order, checked against the target's database by
 *     {@code keys.PlanStrategies}; empty when the plan names none (every strategy the database supports)
 * @param users concurrent virtual users per strategy, each with its own connection
 * @param insertsPerUser single-row inserts per user, strategy and round
 * @param commit the commit policy
 * @param preseedRows rows loaded into each table before the warm-up (not timed)
 * @param sequenceCache CACHE of the sequences behind seq, site_seq and seq_scale
 * @param blockSize keys per block of the seq_block allocator
 * @param model the populator model that pre-seeds the tables, a file or classpath resource
 * @param rounds measured rounds, 1 to 100: every strategy once per round, the order rotated between rounds
 * @param warmupInserts untimed inserts per strategy (all users together) before the first round, deleted before
 *     it; 0 for no warm-up
 * @param sharedBuffers the embedded PostgreSQL's shared_buffers the plan asks for (e.g. {@code 4MB}), or null
 * @param assertions the limits checked after the run for every strategy
 * @param strategyAssertions strategy id to the limits that override {@code assertions} for that strategy
 */
public record KeyGenPlan(String source, TargetSpec target, List<StrategyName> strategies, int users, int insertsPerUser,
    CommitPolicy commit, long preseedRows, int sequenceCache, int blockSize, String model, int rounds, int warmupInserts,
    String sharedBuffers, Limits assertions, Map<String, Limits> strategyAssertions) {

  /** The warm-up when the plan says {@code warmup_inserts = auto}: this share of a round's inserts ... */
  public static final double AUTO_WARMUP_SHARE = 0.10;
  /** ... and at least this many. */
  public static final int AUTO_WARMUP_MIN = 500;

  public KeyGenPlan {
    strategies = List.copyOf(strategies);
    assertions = assertions == null ? Limits.NONE : assertions;
    strategyAssertions = strategyAssertions == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(strategyAssertions));
  }

  /** A plan without assertions. */
  public KeyGenPlan(String source, TargetSpec target, List<StrategyName> strategies, int users, int insertsPerUser,
      CommitPolicy commit, long preseedRows, int sequenceCache, int blockSize, String model, int rounds, int warmupInserts,
      String sharedBuffers) {
    this(source, target, strategies, users, insertsPerUser, commit, preseedRows, sequenceCache, blockSize, model, rounds,
        warmupInserts, sharedBuffers, Limits.NONE, Map.of());
  }

  /** The limits of one strategy: the plan's, overridden by the strategy's own. */
  public Limits assertions(String strategyId) {
    return assertions.overriddenBy(strategyAssertions.getOrDefault(strategyId, Limits.NONE));
  }

  /** Inserts planned per strategy and round (users x inserts per user). */
  public long plannedInserts() {
    return (long) users * insertsPerUser;
  }

  /**
   * The warm-up of {@code warmup_inserts = auto}: 10 % of a round's inserts per strategy, at least 500.
   *
   * @param users concurrent users
   * @param insertsPerUser inserts per user and round
   * @return inserts per strategy
   */
  public static int autoWarmup(int users, int insertsPerUser) {
    long tenth = (long) Math.ceil(AUTO_WARMUP_SHARE * users * insertsPerUser);
    return (int) Math.min(Integer.MAX_VALUE, Math.max(AUTO_WARMUP_MIN, tenth));
  }

  /**
   * User {@code user}'s share of the warm-up: the warm-up inserts split as evenly as they go, the first users
   * taking one more when they do not divide.
   *
   * @param user 1-based user number
   * @return inserts of that user in each strategy's warm-up
   */
  public int warmupInsertsOf(int user) {
    return warmupInserts / users + (user <= warmupInserts % users ? 1 : 0);
  }
}

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
 * @param insertsPerUser single-row inserts per user and strategy
 * @param commit the commit policy
 * @param preseedRows rows loaded into each table before its measured phase (not timed)
 * @param sequenceCache CACHE of the sequences behind seq, site_seq and seq_scale
 * @param blockSize keys per block of the seq_block allocator
 * @param model the populator model that pre-seeds the tables, a file or classpath resource
 * @param assertions the limits checked after the run for every strategy
 * @param strategyAssertions strategy id to the limits that override {@code assertions} for that strategy
 */
public record KeyGenPlan(String source, TargetSpec target, List<StrategyName> strategies, int users, int insertsPerUser,
    CommitPolicy commit, long preseedRows, int sequenceCache, int blockSize, String model, Limits assertions,
    Map<String, Limits> strategyAssertions) {

  public KeyGenPlan {
    strategies = List.copyOf(strategies);
    assertions = assertions == null ? Limits.NONE : assertions;
    strategyAssertions = strategyAssertions == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(strategyAssertions));
  }

  /** A plan without assertions. */
  public KeyGenPlan(String source, TargetSpec target, List<StrategyName> strategies, int users, int insertsPerUser,
      CommitPolicy commit, long preseedRows, int sequenceCache, int blockSize, String model) {
    this(source, target, strategies, users, insertsPerUser, commit, preseedRows, sequenceCache, blockSize, model,
        Limits.NONE, Map.of());
  }

  /** The limits of one strategy: the plan's, overridden by the strategy's own. */
  public Limits assertions(String strategyId) {
    return assertions.overriddenBy(strategyAssertions.getOrDefault(strategyId, Limits.NONE));
  }

  /** Inserts planned per strategy (users x inserts per user). */
  public long plannedInserts() {
    return (long) users * insertsPerUser;
  }
}

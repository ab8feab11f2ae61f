package io.sequela.config;

import java.time.Duration;

/**
 * How long one cell of a sweep takes, from its plan's own sizes: indicative figures measured on a shared 2-core machine
 * (docs/sweeps.md), so that a sweep says how long it will take before it starts.
 */
final class SweepEstimate {

  /**
   * A Gatling JVM's start, the embedded server, Gatling's report and sequela's pages: 12 to 16 s for a tiny cell here
   * (KeyGen with 1,000 rows, SeqOrder with 60 inserts per user), so 20 s.
   */
  static final Duration FIXED = Duration.ofSeconds(20);
  /** An insert's own time on the embedded server, µs (added to the plan's interval). */
  private static final long INSERT_US = 500;
  /** Per mode: an auto warm-up at its longest (5 s). */
  private static final Duration AUTO_WARMUP = Duration.ofSeconds(5);
  /** Per block (a stage): the mode switch, its read-back and fresh pools. */
  private static final Duration PER_BLOCK_STAGE = Duration.ofMillis(500);
  /** The populator's rate here, rows/s (all strategies' tables together). */
  private static final long PRESEED_ROWS_PER_S = 100_000;
  /** A KeyGen block's preparation (CHECKPOINT, counters, the wait sampler). */
  private static final Duration PER_BLOCK = Duration.ofMillis(150);
  /** KeyGen strategies when the plan names none (the embedded PostgreSQL's seven). */
  private static final int ALL_STRATEGIES = 7;

  private SweepEstimate() {}

  /** A SeqOrder cell: per test and mode, its slowest node's inserts one user after another at the plan's pacing. */
  static Duration of(Plan plan) {
    Duration d = FIXED;
    for (TestSpec t : plan.tests()) {
      long slowestUs = 0;
      for (ScenarioSpec s : t.scenarii()) {
        long perInsertUs = Math.max(s.interval().toNanos() / 1000, 0) + INSERT_US;
        slowestUs = Math.max(slowestUs, s.iterations() * perInsertUs);
      }
      WarmupSpec w = t.design().warmup();
      Duration warmup = switch (w.kind()) {
        case AUTO -> AUTO_WARMUP;
        case DURATION -> w.duration();
        case INSERTS -> Duration.ofNanos(w.inserts() * INSERT_US * 1000);
        case NONE -> Duration.ZERO;
      };
      d = d.plus(Duration.ofNanos(slowestUs * 1000).plus(warmup)
          .plus(PER_BLOCK_STAGE.multipliedBy(t.design().blocks())).multipliedBy(t.modes().size()));
    }
    return d;
  }

  /** A KeyGen cell: pre-seeding, every strategy's warm-up and its blocks. */
  static Duration of(KeyGenPlan plan) {
    int n = plan.strategies().isEmpty() ? ALL_STRATEGIES : plan.strategies().size();
    Duration warmup = switch (plan.warmup().kind()) {
      case AUTO, DURATION -> plan.warmup().duration();
      case INSERTS -> Duration.ofMillis(plan.warmup().inserts() * INSERT_US / 1000 / Math.max(1, plan.users()));
    };
    return FIXED.plus(Duration.ofSeconds(n * plan.preseedRows() / PRESEED_ROWS_PER_S))
        .plus(warmup.multipliedBy(n))
        .plus(plan.block().plus(PER_BLOCK).multipliedBy((long) n * plan.blocks()));
  }
}

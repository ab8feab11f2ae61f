package io.sequela.keygen;

import io.sequela.config.KeyGenPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The stages of a KeyGen run, one strategy each, all users in every stage: first the warm-up (every strategy
 * in plan order, {@code warmup_inserts} untimed inserts split among the users), then {@code rounds} measured
 * rounds of every strategy. The order rotates between rounds ({@link #orders}), so no strategy always pays for
 * going first or last. Immutable.
 */
public final class KeyGenSchedule {

  /**
   * One stage.
   *
   * @param stage its index in the run, from 0
   * @param round 0 for the warm-up, else the measured round from 1
   * @param strategy the strategy's index in the plan's (resolved) order
   * @param position the strategy's position in its round, from 0
   */
  public record Phase(int stage, int round, int strategy, int position) {

    /** True for a warm-up stage (untimed, its rows deleted before the first round). */
    public boolean warmup() {
      return round == 0;
    }
  }

  private final KeyGenPlan plan;
  private final List<String> strategyIds;
  private final List<Phase> phases = new ArrayList<>();
  private final List<List<Integer>> orders;

  /**
   * @param plan the plan (users, inserts, rounds, warm-up)
   * @param strategyIds the plan's strategies in plan order, at least one
   */
  public KeyGenSchedule(KeyGenPlan plan, List<String> strategyIds) {
    this.plan = plan;
    this.strategyIds = List.copyOf(strategyIds);
    int n = strategyIds.size();
    if (plan.warmupInserts() > 0) {
      for (int k = 0; k < n; k++) {
        phases.add(new Phase(phases.size(), 0, k, k));
      }
    }
    this.orders = orders(n, plan.rounds());
    for (int r = 0; r < orders.size(); r++) {
      List<Integer> order = orders.get(r);
      for (int p = 0; p < n; p++) {
        phases.add(new Phase(phases.size(), r + 1, order.get(p), p));
      }
    }
  }

  /**
   * The strategy order of each round, a Latin square while {@code rounds <= strategies}: round 1 in plan order,
   * each next round rotated by {@code step = max(1, strategies / rounds)} positions, so every strategy takes a
   * different position in every round and the rounds spread it over the first, middle and last places. Beyond
   * {@code strategies} rounds the rotations repeat.
   *
   * @param strategies the number of strategies, at least 1
   * @param rounds the number of rounds, at least 1
   * @return per round, the strategy indexes in run order
   */
  public static List<List<Integer>> orders(int strategies, int rounds) {
    if (strategies < 1 || rounds < 1) {
      throw new IllegalArgumentException("strategies and rounds must be >= 1, got " + strategies + " and " + rounds);
    }
    int step = Math.max(1, strategies / rounds);
    List<List<Integer>> out = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      List<Integer> order = new ArrayList<>();
      for (int p = 0; p < strategies; p++) {
        order.add((p + r * step) % strategies);
      }
      out.add(List.copyOf(order));
    }
    return List.copyOf(out);
  }

  /** Every stage in run order. */
  public List<Phase> phases() {
    return List.copyOf(phases);
  }

  /** Stage {@code stage}. */
  public Phase phase(int stage) {
    return phases.get(stage);
  }

  /** Number of stages: strategies x (rounds + 1 with a warm-up). */
  public int stages() {
    return phases.size();
  }

  /** Measured rounds. */
  public int rounds() {
    return orders.size();
  }

  /** The strategy ids of round {@code round} (from 1) in run order. */
  public List<String> order(int round) {
    return orders.get(round - 1).stream().map(strategyIds::get).toList();
  }

  /** The first measured stage. */
  public int firstMeasuredStage() {
    return plan.warmupInserts() > 0 ? strategyIds.size() : 0;
  }

  /** Inserts user {@code user} (1-based) makes in stage {@code stage}: its warm-up share, or inserts_per_user. */
  public int insertsOf(int stage, int user) {
    return phase(stage).warmup() ? plan.warmupInsertsOf(user) : plan.insertsPerUser();
  }

  /**
   * The Gatling group of a stage: its strategy, e.g. {@code uuid4}, so Gatling's report has one group per strategy
   * (its rounds are the bursts of its requests over time; one group per phase would multiply the report's pages).
   */
  public String group(int stage) {
    return strategyIds.get(phase(stage).strategy());
  }

  /** A stage's name for logs, e.g. {@code uuid4 round 2} or {@code uuid4 warm-up}. */
  public String name(int stage) {
    Phase p = phase(stage);
    return strategyIds.get(p.strategy()) + (p.warmup() ? " warm-up" : " round " + p.round());
  }

  /** The Gatling request name of a stage's inserts: {@code insert uuid4}, or {@code warm-up insert uuid4}. */
  public String insertRequest(int stage) {
    Phase p = phase(stage);
    String id = strategyIds.get(p.strategy());
    return p.warmup() ? "warm-up " + insertRequest(id) : insertRequest(id);
  }

  /** The Gatling request name of a strategy's measured inserts, e.g. {@code insert uuid4}. */
  public static String insertRequest(String strategyId) {
    return "insert " + strategyId;
  }
}

package io.sequela.keygen;

import io.sequela.config.KeyGenPlan;
import io.sequela.design.Block;
import io.sequela.design.BlockOrder;
import io.sequela.design.BlockSize;
import io.sequela.design.DesignStamp;
import io.sequela.design.WarmupRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a KeyGen run, one strategy each, all users in every step: first every strategy's warm-up (plan order,
 * untimed, until {@link #warmupRule()} says it is over), then the measured blocks, {@code blocks} per strategy of
 * {@code block} each, in {@link BlockOrder#balanced}'s order (a Williams square drawn with {@code order_seed}), so
 * drift, table growth and JIT touch every strategy alike. A block is a duration, not a count: every user inserts until
 * the block's time is up, so a fast strategy is measured as long as a slow one. Immutable.
 */
public final class KeyGenSchedule {

  /**
   * One step: a strategy's warm-up, or one of its measured blocks.
   *
   * @param index its place in the run, from 0
   * @param strategy the strategy's index in the plan's (resolved) order
   * @param block the measured block ({@link Block#round()}: its round, {@link Block#slot()}: its place in the round),
   *     or null for a warm-up
   */
  public record Step(int index, int strategy, Block block) {

    /** True for a warm-up step (untimed, its rows deleted before the first block). */
    public boolean warmup() {
      return block == null;
    }
  }

  private final List<String> strategyIds;
  private final List<Step> steps = new ArrayList<>();
  private final BlockOrder order;
  private final WarmupRule warmup;
  private final BlockSize block;
  private final int firstBlock;

  /**
   * @param plan the plan (block, blocks, warm-up, order seed)
   * @param strategyIds the plan's strategies in plan order, at least one
   */
  public KeyGenSchedule(KeyGenPlan plan, List<String> strategyIds) {
    this.strategyIds = List.copyOf(strategyIds);
    this.warmup = warmupRule(plan.warmup());
    this.block = BlockSize.of(plan.block());
    if (!plan.warmup().none()) {
      for (int k = 0; k < strategyIds.size(); k++) {
        steps.add(new Step(steps.size(), k, null));
      }
    }
    this.firstBlock = steps.size();
    this.order = BlockOrder.balanced(strategyIds, plan.blocks(), plan.orderSeed());
    for (Block b : order.blocks()) {
      steps.add(new Step(steps.size(), b.variant(), b));
    }
  }

  /** The design's warm-up rule of a plan's {@code warmup}. */
  static WarmupRule warmupRule(KeyGenPlan.Warmup w) {
    return switch (w.kind()) {
      case AUTO -> new WarmupRule.UntilStable(WarmupRule.AUTO_WINDOW_INSERTS, WarmupRule.AUTO_TOLERANCE,
          WarmupRule.AUTO_WINDOWS, WarmupRule.AUTO_MAX_INSERTS, w.duration());
      case DURATION -> WarmupRule.of(w.duration());
      case INSERTS -> WarmupRule.inserts(w.inserts());
    };
  }

  /** Every step in run order. */
  public List<Step> steps() {
    return List.copyOf(steps);
  }

  /** Step {@code index}. */
  public Step step(int index) {
    return steps.get(index);
  }

  /** Number of steps: strategies x (blocks + 1 with a warm-up). */
  public int size() {
    return steps.size();
  }

  /** The first measured block's step. */
  int firstBlockStep() {
    return firstBlock;
  }

  /** The measured blocks' balanced order (its seed, its pattern, which blocks are paired). */
  public BlockOrder order() {
    return order;
  }

  /** How each strategy warms up. */
  public WarmupRule warmupRule() {
    return warmup;
  }

  /** How long one block runs. */
  Duration blockDuration() {
    return block.duration();
  }

  /** The design this schedule runs by, for the JSON, the page and the history row. */
  public DesignStamp stamp() {
    return DesignStamp.of(warmup, order, block);
  }

  /** The strategy ids in plan order. */
  List<String> strategyIds() {
    return strategyIds;
  }

  /**
   * The Gatling group of a step: its strategy, e.g. {@code uuid4}, so Gatling's report has one group per strategy (its
   * blocks are the bursts of its requests over time; one group per block would multiply the report's pages).
   */
  public String group(int index) {
    return strategyIds.get(step(index).strategy());
  }

  /** A step's name for logs, e.g. {@code uuid4 block 3} or {@code uuid4 warm-up}. */
  public String name(int index) {
    Step s = step(index);
    String id = strategyIds.get(s.strategy());
    return s.warmup() ? id + " warm-up" : blockName(id, s.block());
  }

  /** A block's name, e.g. {@code uuid4 block 3}: its strategy and its own number from 1. */
  static String blockName(String strategyId, Block block) {
    return strategyId + " block " + (block.number() + 1);
  }

  /** The Gatling request name of a step's inserts: {@code insert uuid4}, or {@code warm-up insert uuid4}. */
  public String insertRequest(int index) {
    Step s = step(index);
    String id = strategyIds.get(s.strategy());
    return s.warmup() ? "warm-up " + insertRequest(id) : insertRequest(id);
  }

  /** The Gatling request name of a strategy's measured inserts, e.g. {@code insert uuid4}. */
  public static String insertRequest(String strategyId) {
    return "insert " + strategyId;
  }
}

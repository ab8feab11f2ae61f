package io.sequela.stats;

import java.util.List;

/**
 * A KeyGen run's figures, computed once by its analysis ({@code keygen.KeyGenAnalysis}) and handed as they are to the
 * page, the JSON, the console and the nightly checks. Immutable.
 *
 * @param design the experiment design in one line ({@code design.DesignStamp#line()}): warm-up, blocks, block, seed
 * @param order the blocks' order as letters, rounds apart (strategy A is the plan's first), e.g. {@code ABGCFDE ...}
 * @param warmups each strategy's warm-up, in plan order; empty without one
 * @param strategies each strategy's figures over its blocks, in plan order
 * @param comparisons every pair of strategies (a earlier in the plan than b), in plan order
 * @param ranking the strategies by mean inserts/s, told apart only where an interval excludes 0
 * @param blocks every measured block in run order
 */
public record KeyGenFigures(String design, String order, List<WarmupFigures> warmups, List<StrategyFigures> strategies,
    List<StrategyComparison> comparisons, List<KeyGenRanking.Place> ranking, List<BlockFigures> blocks) {

  public KeyGenFigures {
    warmups = List.copyOf(warmups);
    strategies = List.copyOf(strategies);
    comparisons = List.copyOf(comparisons);
    ranking = List.copyOf(ranking);
    blocks = List.copyOf(blocks);
  }
}

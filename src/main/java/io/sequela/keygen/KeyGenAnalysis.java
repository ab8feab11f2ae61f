package io.sequela.keygen;

import io.sequela.design.BlockAnalysis;
import io.sequela.design.BlockInterval;
import io.sequela.design.BlockResult;
import io.sequela.design.BlockVerdict;
import io.sequela.stats.BlockFigures;
import io.sequela.stats.KeyGenFigures;
import io.sequela.stats.KeyGenRanking;
import io.sequela.stats.StrategyComparison;
import io.sequela.stats.StrategyFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A KeyGen run's figures, computed once from its {@link KeyGenResults} and handed to the page, the JSON, the console
 * and the nightly checks alike. Per strategy: the mean of its blocks' inserts/s with a 95 % interval over the blocks
 * ({@link BlockAnalysis#mean}); per pair of strategies: the differences of their paired blocks' inserts/s and median
 * latency with family-wise 95 % intervals ({@link BlockAnalysis#pairwise}, paired t, Bonferroni: with k strategies
 * each of the k(k-1)/2 pairs gets confidence 1 - 0.05 / (k(k-1)/2), so that the chance of any false "faster" in the
 * whole table stays at 5 %; 7 strategies make 21 pairs, and 21 plain 95 % intervals would call about one pair
 * different in every run by chance alone); one strategy is faster than another only where the interval of their
 * inserts/s difference excludes 0; the ranking follows from those verdicts.
 */
final class KeyGenAnalysis {

  private KeyGenAnalysis() {}

  /**
   * Analyses a run.
   *
   * @param results what the run measured; not changed
   * @return the figures, strategies and pairs in plan order
   */
  public static KeyGenFigures of(KeyGenResults results) {
    List<String> ids = results.schedule().strategyIds();
    List<BlockResult> blockResults = results.blocks().stream().map(KeyGenResults.BlockRun::result).toList();
    List<BlockFigures> blocks = results.blocks().stream().map(KeyGenResults.BlockRun::figures).toList();
    List<StrategyFigures> strategies = new ArrayList<>();
    for (String id : ids) {
      List<BlockFigures> own = blocks.stream().filter(b -> b.strategy().equals(id)).toList();
      if (own.isEmpty()) {
        continue;
      }
      Optional<BlockInterval> mean = BlockAnalysis.mean(own.stream().mapToDouble(BlockFigures::insertsPerS).toArray(),
          BlockAnalysis.CONFIDENCE);
      strategies.add(StrategyFigures.over(id, own, mean.map(BlockInterval::low).orElse(null),
          mean.map(BlockInterval::high).orElse(null)));
    }
    List<StrategyComparison> comparisons = BlockAnalysis.pairwise(blockResults, BlockAnalysis.Method.PAIRED_T,
        familyWise(strategies.size()), results.schedule().order().seed()).stream().map(KeyGenAnalysis::comparison).toList();
    return new KeyGenFigures(results.schedule().stamp().line(), results.schedule().order().pattern(), results.warmups(),
        strategies, comparisons, KeyGenRanking.of(strategies, comparisons), blocks);
  }

  /**
   * The confidence of each pairwise interval that keeps the family of all pairs at {@link BlockAnalysis#CONFIDENCE}
   * (Bonferroni).
   *
   * @param strategies strategies compared, >= 0
   * @return 0.95 for 2 strategies, 1 - 0.05 / 21 for 7
   */
  static double familyWise(int strategies) {
    int pairs = Math.max(1, strategies * (strategies - 1) / 2);
    return 1 - (1 - BlockAnalysis.CONFIDENCE) / pairs;
  }

  /** A design verdict as the page and the checks take it: faster by inserts/s, lower by median latency. */
  static StrategyComparison comparison(BlockVerdict v) {
    return new StrategyComparison(v.a(), v.b(), v.pairs(), estimate(v.rowsPerSec()), low(v.rowsPerSec()),
        high(v.rowsPerSec()), estimate(v.medianUs()), low(v.medianUs()), high(v.medianUs()),
        v.higherThroughput().orElse(null), v.faster().orElse(null), v.noInterval().orElse(null));
  }

  private static Double estimate(Optional<BlockInterval> i) {
    return i.map(BlockInterval::estimate).orElse(null);
  }

  private static Double low(Optional<BlockInterval> i) {
    return i.map(BlockInterval::low).orElse(null);
  }

  private static Double high(Optional<BlockInterval> i) {
    return i.map(BlockInterval::high).orElse(null);
  }
}

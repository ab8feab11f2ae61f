package io.sequela.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The strategies ranked by mean inserts/s only where the blocks support it: a strategy is ranked below another only
 * where the interval of their inserts/s difference, taken from their paired blocks ({@link StrategyComparison}),
 * excludes 0; two whose interval holds 0 (or that have too few pairs for one) are not told apart.
 */
public final class KeyGenRanking {

  private KeyGenRanking() {}

  /**
   * One strategy's place.
   *
   * @param rank 1 + the number of strategies faster than this one; strategies of equal rank need not be told apart
   * @param name the strategy id
   * @param insertsPerS mean inserts/s over its blocks
   * @param insertsPerSLow lower end of that mean's 95 % interval, or null
   * @param insertsPerSHigh upper end, or null
   * @param fasterThan the strategies this one is faster than (interval of the difference above 0), in ranking order
   * @param slowerThan the strategies faster than this one, in ranking order
   * @param notToldApart the strategies whose difference from this one's interval holds 0, in ranking order
   */
  public record Place(int rank, String name, double insertsPerS, Double insertsPerSLow, Double insertsPerSHigh,
      List<String> fasterThan, List<String> slowerThan, List<String> notToldApart) {

    public Place {
      fasterThan = List.copyOf(fasterThan);
      slowerThan = List.copyOf(slowerThan);
      notToldApart = List.copyOf(notToldApart);
    }
  }

  /**
   * Ranks strategies.
   *
   * @param strategies the strategies' figures, any order; not changed
   * @param comparisons every pair's comparison
   * @return one place per strategy, sorted by mean inserts/s, fastest first (ties by name)
   */
  public static List<Place> of(List<StrategyFigures> strategies, List<StrategyComparison> comparisons) {
    List<StrategyFigures> sorted = new ArrayList<>(strategies);
    sorted.sort(Comparator.comparingDouble(StrategyFigures::insertsPerS).reversed().thenComparing(StrategyFigures::name));
    List<Place> out = new ArrayList<>();
    for (StrategyFigures s : sorted) {
      List<String> faster = new ArrayList<>();
      List<String> slower = new ArrayList<>();
      List<String> apart = new ArrayList<>();
      for (StrategyFigures o : sorted) {
        if (o == s) {
          continue;
        }
        String winner = comparisons.stream().filter(c -> c.of(s.name(), o.name())).findFirst()
            .map(StrategyComparison::faster).orElse(null);
        (winner == null ? apart : winner.equals(s.name()) ? faster : slower).add(o.name());
      }
      out.add(new Place(1 + slower.size(), s.name(), s.insertsPerS(), s.insertsPerSLow(), s.insertsPerSHigh(), faster,
          slower, apart));
    }
    return out;
  }
}

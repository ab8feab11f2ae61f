package io.sequela.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The strategies ranked by median inserts/s only where the rounds support it: a strategy is ranked below
 * another when its fastest round is slower than the other's slowest ({@code insertsPerSMax < other.insertsPerSMin}:
 * the min..max ranges do not overlap); two whose ranges overlap are "within noise" of each other and not told
 * apart.
 */
public final class KeyGenRanking {

  private KeyGenRanking() {}

  /**
   * One strategy's place.
   *
   * @param rank 1 + the number of strategies clearly faster than this one (their slowest round beats its fastest);
   *     strategies of equal rank are not told apart by this run
   * @param name the strategy id
   * @param insertsPerS median inserts/s over the rounds
   * @param insertsPerSMin slowest round, inserts/s
   * @param insertsPerSMax fastest round, inserts/s
   * @param fasterThan the strategies this one beats in every round by the ranges (its slowest round is faster than
   *     their fastest), in ranking order
   * @param withinNoiseOf the strategies whose range overlaps this one's, in ranking order
   */
  public record Place(int rank, String name, double insertsPerS, double insertsPerSMin, double insertsPerSMax,
      List<String> fasterThan, List<String> withinNoiseOf) {

    public Place {
      fasterThan = List.copyOf(fasterThan);
      withinNoiseOf = List.copyOf(withinNoiseOf);
    }
  }

  /**
   * Ranks strategies.
   *
   * @param strategies the strategies' figures, any order; not changed
   * @return one place per strategy, sorted by median inserts/s, fastest first (ties by name)
   */
  public static List<Place> of(List<StrategyFigures> strategies) {
    List<StrategyFigures> sorted = new ArrayList<>(strategies);
    sorted.sort(Comparator.comparingDouble(StrategyFigures::insertsPerS).reversed().thenComparing(StrategyFigures::name));
    List<Place> out = new ArrayList<>();
    for (StrategyFigures s : sorted) {
      Spread range = s.insertsPerSSpread();
      List<String> faster = new ArrayList<>();
      List<String> noise = new ArrayList<>();
      int clearlyAhead = 0;
      for (StrategyFigures o : sorted) {
        if (o == s) {
          continue;
        }
        Spread other = o.insertsPerSSpread();
        if (range.overlaps(other)) {
          noise.add(o.name());
        } else if (other.min() > range.max()) {
          clearlyAhead++;
        } else {
          faster.add(o.name());
        }
      }
      out.add(new Place(1 + clearlyAhead, s.name(), s.insertsPerS(), s.insertsPerSMin(), s.insertsPerSMax(), faster, noise));
    }
    return out;
  }
}

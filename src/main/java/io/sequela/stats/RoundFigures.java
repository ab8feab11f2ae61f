package io.sequela.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measured KeyGen round: the order its strategies ran in and what each measured.
 *
 * @param round the round's number, from 1
 * @param order the strategy ids in the order they ran in this round
 * @param strategies each strategy's figures in this round, in run order
 */
public record RoundFigures(int round, List<String> order, Map<String, PhaseFigures> strategies) {

  public RoundFigures {
    order = List.copyOf(order);
    strategies = Collections.unmodifiableMap(new LinkedHashMap<>(strategies));
  }
}

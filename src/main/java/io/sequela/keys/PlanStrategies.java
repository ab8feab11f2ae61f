package io.sequela.keys;

import io.sequela.SequelaException;
import io.sequela.config.StrategyName;
import io.sequela.db.Dialect;
import java.util.ArrayList;
import java.util.List;

/** The key strategies a KeyGen plan names, checked against the target's database. */
public final class PlanStrategies {

  private PlanStrategies() {}

  /**
   * The strategies in the plan's order, or every strategy {@code dialect} supports when the plan names none.
   *
   * @param names the plan's strategies ({@code config.KeyGenPlan#strategies}), each with where it was written
   * @throws SequelaException.InvalidInput one line per problem, e.g.
   *     {@code keygen.conf:4: strategies[1]: must be one of [seq, ...], got 'uuid9'}
   */
  public static List<KeyStrategy> resolve(List<StrategyName> names, Dialect dialect) {
    if (names.isEmpty()) {
      return KeyStrategy.all(dialect);
    }
    List<String> problems = new ArrayList<>();
    List<KeyStrategy> out = new ArrayList<>();
    for (StrategyName n : names) {
      try {
        KeyStrategy s = KeyStrategy.parse(n.name());
        if (!s.supports(dialect)) {
          problems.add(n.where() + ": must be a strategy " + dialect + " supports: " + s.id() + " needs Oracle 18c or later");
        } else if (out.contains(s)) {
          problems.add(n.where() + ": must not repeat a strategy, got '" + s.id() + "' twice");
        } else {
          out.add(s);
        }
      } catch (SequelaException.InvalidInput e) {
        problems.add(n.where() + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new SequelaException.InvalidInput(String.join(System.lineSeparator(), problems));
    }
    return List.copyOf(out);
  }
}

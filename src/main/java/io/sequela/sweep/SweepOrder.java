package io.sequela.sweep;

import io.sequela.config.SweepPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The order a sweep's cells run in: a seeded shuffle (Fisher-Yates over {@link Random} with the plan's seed). Not the
 * axes' order: a drift of the machine over a sweep of an hour (a warming disk, other load, a growing data directory)
 * would then grow along an axis and could pass for a knee; a serpentine still runs one axis' values in time order.
 * Shuffled, a drift spreads over the grid as noise. The same seed gives the same order, so a resumed sweep keeps it.
 */
public final class SweepOrder {

  private SweepOrder() {}

  /** The cells in run order; {@code cells} is not changed. */
  public static List<SweepPlan.Cell> shuffled(List<SweepPlan.Cell> cells, long seed) {
    List<SweepPlan.Cell> out = new ArrayList<>(cells);
    Random r = new Random(seed);
    for (int i = out.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      SweepPlan.Cell t = out.get(i);
      out.set(i, out.get(j));
      out.set(j, t);
    }
    return out;
  }
}

package io.sequela.config;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import java.util.List;
import java.util.Map;

/**
 * A validated sweep: a SeqOrder or KeyGen plan that declares {@code sweep} with one or two axes of a numeric plan key,
 * each cell of the grid a full comparison of its own (docs/sweeps.md). Every cell's plan has been checked by the
 * simulation's own plan loader before this exists.
 *
 * @param source the plan's file or resource name
 * @param simulation {@code SeqOrderSimulation} or {@code KeyGenSimulation}
 * @param axes one or two axes, in plan order
 * @param cells every cell of the grid in axis order (the first axis outermost); {@link #cells()} is not the run order
 * @param thresholdUs SeqOrder: the ORDER cost per insert, µs (> 0), above which the knee is reached
 * @param ratio KeyGen: uuid4's inserts/s at most this share of seq's (0 < ratio <= 1) for the tipping point
 * @param seed the seed of the cells' shuffled run order
 * @param tests SeqOrder: the plan's test names in run order (every cell runs them all, and the page has a heat map of
 *     each); KeyGen: empty
 */
public record SweepPlan(String source, String simulation, List<Axis> axes, List<Cell> cells, double thresholdUs,
    double ratio, long seed, List<String> tests) {

  /** How long every cell together takes, from the plans' sizes (indicative). */
  public java.time.Duration estimate() {
    return cells.stream().map(Cell::estimate).reduce(java.time.Duration.ZERO, java.time.Duration::plus);
  }

  /** The simulations a sweep runs. */
  public static final String SEQORDER = "SeqOrderSimulation";
  public static final String KEYGEN = "KeyGenSimulation";

  public SweepPlan {
    axes = List.copyOf(axes);
    cells = List.copyOf(cells);
    tests = List.copyOf(tests);
  }

  /**
   * One axis of the grid.
   *
   * @param key the plan key it sets (SeqOrder {@code users} sets every scenario's users per node)
   * @param values its values in plan order; {@code shared_buffers} in MB
   */
  public record Axis(String key, List<Long> values) {
    public Axis {
      values = List.copyOf(values);
    }
  }

  /**
   * One cell: its values and the plan that runs it.
   *
   * @param id a file name such as {@code users-2_sequence_cache-100}
   * @param values axis key to value, in axis order
   * @param plan the cell's plan: the sweep plan without {@code sweep}, the cell's values in place
   * @param estimate how long the cell's run takes, from its plan's sizes (indicative)
   */
  public record Cell(String id, Map<String, Long> values, ConfigObject plan, java.time.Duration estimate) {

    /** The cell's plan as JSON (HOCON reads it, and so does PlanLoader). */
    public String planJson() {
      return plan.render(ConfigRenderOptions.concise().setJson(true).setFormatted(true));
    }

    /** {@code users=2, sequence_cache=100}. */
    public String label() {
      StringBuilder b = new StringBuilder();
      values.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
      return b.toString();
    }
  }
}

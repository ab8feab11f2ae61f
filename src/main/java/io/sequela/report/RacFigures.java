package io.sequela.report;

import io.sequela.db.InstanceWaits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run on Oracle RAC adds to sequence-gaps.html|json: the per-instance wait deltas of each test x mode
 * ({@code oracle_waits}) and the instance check (rows that landed on another instance than their node's usual
 * one). Both are empty on every other database.
 *
 * @param waits test name to mode name (ORDER, NOORDER) to the stage's wait deltas
 * @param routing one entry per test x mode x node whose rows carry an instance ({@code DB_INSTANCE})
 */
public record RacFigures(Map<String, Map<String, InstanceWaits>> waits, List<NodeRouting> routing) {

  /** Nothing: a database without instances. */
  public static final RacFigures NONE = new RacFigures(Map.of(), List.of());

  public RacFigures {
    Map<String, Map<String, InstanceWaits>> copy = new LinkedHashMap<>();
    waits.forEach((t, m) -> copy.put(t, Map.copyOf(m)));
    waits = java.util.Collections.unmodifiableMap(copy);
    routing = List.copyOf(routing);
  }

  /**
   * Where one node's rows of one test x mode were inserted.
   *
   * @param test the test name
   * @param mode ORDER or NOORDER
   * @param node the node number
   * @param rowsByInstance instance (JOB_EXECUTION.DB_INSTANCE) to rows
   * @param misroutedRows rows whose instance is not the node's most frequent one (the µs issue's
   *     {@code misrouted_rows}; {@link #of} computes it the same way)
   */
  public record NodeRouting(String test, String mode, int node, Map<String, Long> rowsByInstance, long misroutedRows) {

    public NodeRouting {
      rowsByInstance = Map.copyOf(rowsByInstance);
    }

    /** The routing of a node, with {@link #misroutedRows()} = all rows minus those on its most frequent instance. */
    public static NodeRouting of(String test, String mode, int node, Map<String, Long> rowsByInstance) {
      long all = rowsByInstance.values().stream().mapToLong(Long::longValue).sum();
      long usual = rowsByInstance.values().stream().mapToLong(Long::longValue).max().orElse(0);
      return new NodeRouting(test, mode, node, rowsByInstance, all - usual);
    }

    /** The instance holding most of the node's rows (ties: the smallest name), or null when there are none. */
    public String usualInstance() {
      return rowsByInstance.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .map(Map.Entry::getKey).findFirst().orElse(null);
    }
  }
}

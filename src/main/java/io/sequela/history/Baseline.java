package io.sequela.history;

import java.util.List;
import java.util.Optional;

/**
 * The earlier runs a run is compared with.
 *
 * @param runs the baseline runs, oldest first; may be empty
 * @param description what they are, e.g. {@code median of the last 5 passed runs}
 * @param missing why there is no usable baseline (too few runs, run id not found), or null when usable
 */
public record Baseline(List<RunRecord> runs, String description, String missing) {

  public Baseline {
    runs = List.copyOf(runs);
  }

  /** True when the runs are enough to gate on. */
  public boolean usable() {
    return missing == null;
  }

  /** The baseline runs' values of one column that were measured, oldest first. */
  public double[] values(String column) {
    return runs.stream().map(r -> r.metrics().get(column)).filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
  }

  /** Why nothing can be compared, if so. */
  public Optional<String> whyMissing() {
    return Optional.ofNullable(missing);
  }
}

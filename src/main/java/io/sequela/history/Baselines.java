package io.sequela.history;

import io.sequela.config.BaselineSpec;
import java.util.ArrayList;
import java.util.List;

/** Picks the baseline runs a {@link BaselineSpec} names among a test's earlier runs. */
public final class Baselines {

  /** {@code median:N} needs at least this many runs (or N when smaller) before it gates anything. */
  public static final int MEDIAN_MIN_RUNS = 3;

  private Baselines() {}

  /**
   * The baseline runs among earlier runs.
   *
   * @param spec what to pick
   * @param earlier the test's history before this run, oldest first
   * @param current this run (for its plan hash and target)
   */
  public static Baseline select(BaselineSpec spec, List<RunRecord> earlier, RunRecord current) {
    if (spec.kind() == BaselineSpec.Kind.RUN) {
      return earlier.stream().filter(r -> r.runId().equals(spec.runId())).reduce((a, b) -> b)
          .map(r -> new Baseline(List.of(r), "run " + spec.runId(), null))
          .orElseGet(() -> new Baseline(List.of(), "run " + spec.runId(), "baseline run " + spec.runId() + " is not in the history"));
    }
    List<RunRecord> same = new ArrayList<>();
    for (int i = earlier.size() - 1; i >= 0 && same.size() < spec.count(); i--) {
      RunRecord r = earlier.get(i);
      if (r.passed() && r.comparableTo(current)) {
        same.add(0, r);
      }
    }
    if (spec.kind() == BaselineSpec.Kind.PREVIOUS) {
      return same.isEmpty() ? new Baseline(List.of(), "the previous passed run", "no earlier passed run of this plan on this target")
          : new Baseline(same, "previous passed run " + same.get(0).runId(), null);
    }
    int needed = Math.min(spec.count(), MEDIAN_MIN_RUNS);
    String description = "median of the last " + same.size() + " passed runs";
    return same.size() < needed
        ? new Baseline(same, description, "too few runs: " + same.size() + " passed run(s) of this plan on this target, "
            + needed + " needed")
        : new Baseline(same, description, null);
  }
}

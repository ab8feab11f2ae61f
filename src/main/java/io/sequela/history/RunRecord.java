package io.sequela.history;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a history CSV: what identifies a run and its headline figures.
 *
 * @param time when the run finished, UTC, to the second
 * @param runId the run id
 * @param status {@link #PASSED}, {@link #FAILED}, {@link #CUT_SHORT} or {@link #INTERRUPTED}
 * @param plan the plan's file or resource name
 * @param planHash the first 16 hex digits of the SHA-256 of the plan's bytes
 * @param target the dialect and host the run measured ({@code postgresql embedded}), never credentials
 * @param serverVersion the database's version string
 * @param commit the git commit of the checkout or the CI's commit variable, empty when unknown
 * @param design the experiment design's one-line stamp ({@code design.DesignStamp#line}), empty for a simulation
 *     that compares no variants (QueryBench)
 * @param metrics column to value (null: not measured), in column order
 */
public record RunRecord(Instant time, String runId, String status, String plan, String planHash, String target,
    String serverVersion, String commit, String design, Map<String, Double> metrics) {

  /** Status of a run whose checks all passed. */
  public static final String PASSED = "passed";
  /** Status of a run with a failed check. */
  public static final String FAILED = "failed";
  /** Status of a run that stopped before every planned request was made (Gatling's maxDuration). */
  public static final String CUT_SHORT = "cut_short";
  /** Status of a run interrupted from outside (Ctrl-C, SIGTERM, its parent process gone); never a baseline. */
  public static final String INTERRUPTED = "interrupted";
  /** The columns before the metrics, in order; {@code time} is Otava's time_column. */
  public static final List<String> META = List.of("time", "run_id", "status", "plan", "plan_hash", "target",
      "server_version", "commit", "design");

  public RunRecord {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** True when the run passed. */
  public boolean passed() {
    return PASSED.equals(status);
  }

  /**
   * True when the run measured the same plan on the same target with the same experiment design as
   * {@code other}: a baseline never mixes runs of different designs.
   */
  public boolean comparableTo(RunRecord other) {
    return planHash.equals(other.planHash) && target.equals(other.target) && design.equals(other.design);
  }

  /** The same run with another status. */
  public RunRecord withStatus(String s) {
    return new RunRecord(time, runId, s, plan, planHash, target, serverVersion, commit, design, metrics);
  }
}

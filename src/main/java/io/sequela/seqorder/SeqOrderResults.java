package io.sequela.seqorder;

import io.sequela.config.NightlySettings;
import io.sequela.config.SeqOrderSettings;
import io.sequela.db.Dialect;
import io.sequela.db.InstanceWaits;
import io.sequela.db.Target;
import io.sequela.design.WarmupSummary;
import io.sequela.gaps.Latencies;
import io.sequela.gaps.StageStatus;
import io.sequela.gaps.TimeBasis;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.record.RequestRecords;
import io.sequela.stats.IntervalLog;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a SeqOrder run left once its load ended, gathered once by {@link SeqOrderRun#finish} and handed as it is to
 * the analysis, the pages and the checks ({@link SeqOrderFinish}); nothing changes it afterwards. Immutable (the
 * settings, target and folder are values; the latencies are built complete).
 *
 * @param runId the run's id (JOB_EXECUTION.RUN_ID)
 * @param settings the validated settings and plan
 * @param nightly the history folder and baseline
 * @param dialect the results database's dialect
 * @param resultsTarget the first node's target, where the results are read
 * @param timeBasis the clock the gap analysis orders rows by
 * @param folder this run's Gatling run folder (by construction)
 * @param stages every stage in run order, with what became of it
 * @param outcomes OK and KO per request name, from the run record
 * @param latencies the insert latencies in µs and the KOs by code, from the workers' recording and the run record
 * @param perSecond the run's latency.hlog read back, or null when nothing was recorded
 * @param waits per test, then mode, the per-instance wait deltas of the stages that ran (Oracle); empty without a
 *     wait probe or when the database could not be reached
 * @param stopReason why the run was stopped before its end, or null when it ran to its end
 * @param stopCause the stage failure that stopped it (its kind sets the exit status), or null
 * @param unreachable why the results database did not answer at the end of a stopped run, or null when it did (or
 *     the run was not stopped)
 */
record SeqOrderResults(String runId, SeqOrderSettings settings, NightlySettings nightly, Dialect dialect,
    Target resultsTarget, TimeBasis timeBasis, GatlingRun folder, List<StageRun> stages,
    Map<String, RequestRecords.Outcomes> outcomes, Latencies latencies, IntervalLog perSecond,
    Optional<Map<String, Map<String, InstanceWaits>>> waits, String stopReason, RuntimeException stopCause,
    String unreachable) {

  /**
   * One stage as it ended.
   *
   * @param stage the planned stage
   * @param status what became of it, and its mode's read-back
   * @param opened true once it opened (its users may have inserted)
   * @param span a measured block's span, its first insert's start to its last insert's end; empty for a warm-up or
   *     a block without inserts
   * @param warmup how a warm-up ended (both parts of a rehearsed one); null for a measured block and for a rehearsal
   */
  record StageRun(Stage stage, StageStatus status, boolean opened, Optional<Duration> span, WarmupSummary warmup) {}

  SeqOrderResults {
    stages = List.copyOf(stages);
    outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    waits = waits.map(w -> Collections.unmodifiableMap(new LinkedHashMap<>(w)));
  }

  /** True when the run was stopped before its end (a stage that could not open, a dead database, an interrupt). */
  boolean stopped() {
    return stopReason != null;
  }
}

package io.sequela.keygen;

import io.sequela.config.KeyGenPlan;
import io.sequela.db.InstanceWaits;
import io.sequela.design.BlockResult;
import io.sequela.stats.BlockFigures;
import io.sequela.stats.WarmupFigures;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a KeyGen run measured, gathered once by {@link KeyGenRun#finish} and handed as it is to the analysis
 * ({@link KeyGenAnalysis}), the report and the checks; nothing changes it afterwards. Immutable.
 *
 * @param runId the run id
 * @param plan the validated plan
 * @param schedule the steps the run ran by (its design: warm-up rule, block order and size)
 * @param waitSampleInterval how often a block sampled the users' sessions for wait events
 * @param warmups each strategy's warm-up as it ran, plan order; empty without one
 * @param blocks every finished block, run order
 * @param oracleWaits block name ({@code uuid4 block 2}) to its per-instance wait deltas; empty off Oracle
 */
record KeyGenResults(String runId, KeyGenPlan plan, KeyGenSchedule schedule, Duration waitSampleInterval,
    List<WarmupFigures> warmups, List<BlockRun> blocks, Map<String, InstanceWaits> oracleWaits) {

  /**
   * One measured block: its latencies and duration for the design's analysis, and its figures for the page.
   *
   * @param result the block's planned place, its µs latencies (a copy) and its wall time
   * @param figures what the block measured, database counters included
   */
  public record BlockRun(BlockResult result, BlockFigures figures) {}

  public KeyGenResults {
    warmups = List.copyOf(warmups);
    blocks = List.copyOf(blocks);
    oracleWaits = Collections.unmodifiableMap(new LinkedHashMap<>(oracleWaits));
  }
}

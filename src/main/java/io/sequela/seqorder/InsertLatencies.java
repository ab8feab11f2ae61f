package io.sequela.seqorder;

import io.sequela.SequelaException;
import io.sequela.config.RequestPath;
import io.sequela.config.ScenarioSpec;
import io.sequela.config.SeqOrderSettings;
import io.sequela.gaps.Latencies;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.load.Outcome;
import io.sequela.load.Work;
import io.sequela.record.RequestRecords;
import io.sequela.stats.IntervalLog;
import io.sequela.stats.LatencyRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SeqOrderSimulation's own latency recording: every OK insert's ns span (execute + commit, as the lean worker
 * times it) goes into a {@link LatencyRecorder} channel per test x mode x node ({@link io.sequela.config.StageNode#tag}), a COMMIT
 * timed on its own into a channel of its own ({@link io.sequela.config.StageNode#commitTag}); intervals of {@value #INTERVAL_MS} ms go to a temporary
 * interval log that {@link #finish} copies into the run folder as {@value #LOG_FILE}. Off with
 * {@code -Dsequela.latency.record=false} or the JDBC plugin, when the figures come from Gatling's whole ms in
 * simulation.log instead.
 */
final class InsertLatencies implements AutoCloseable {

  /** The interval log's file name in the run folder. */
  static final String LOG_FILE = "latency.hlog";
  /** One interval histogram's length: short enough that a stage of a few seconds, or one block, shows several points. */
  static final long INTERVAL_MS = 250;
  private static final Duration INTERVAL = Duration.ofMillis(INTERVAL_MS);
  private static final Logger LOG = LoggerFactory.getLogger(InsertLatencies.class);

  private final LatencyRecorder recorder;
  private final LatencyRecorder.Channel warmupChannel;

  /**
   * What {@link #finish} leaves for the run's results.
   *
   * @param totals the workers' histograms in µs per tag, or null when nothing was recorded
   * @param perSecond the run's interval log read back, or null when nothing was recorded
   */
  record Recorded(Map<String, Histogram> totals, IntervalLog perSecond) {

    /**
     * A builder of the run's {@link Latencies} over the workers' totals (or over none), for one pass over the run
     * record ({@link #add}).
     */
    Latencies.Builder latencies() {
      return totals == null ? Latencies.builder() : Latencies.builder(totals);
    }
  }

  /**
   * Adds one request of the run record to {@code latencies}: a KO under its code, an OK's span in whole ms when
   * the workers recorded none.
   */
  static void add(Latencies.Builder latencies, RequestRecords.Request q) {
    latencies.record(q.key(), q.durationNanos() / 1_000_000L, q.ok(), q.errorCode());
  }

  private InsertLatencies(LatencyRecorder recorder) {
    this.recorder = recorder;
    this.warmupChannel = recorder == null ? null : recorder.unlogged("warm-up");
  }

  /**
   * Starts recording into a temporary interval log, unless the settings switch it off.
   *
   * @throws SequelaException when the temporary log cannot be created
   */
  static InsertLatencies start(SeqOrderSettings settings, String runId) {
    if (!settings.recordLatency() || settings.driver() != RequestPath.LEAN) {
      return new InsertLatencies(null);
    }
    try {
      Path log = Files.createTempFile("sequela-" + runId + "-", ".hlog");
      log.toFile().deleteOnExit();
      return new InsertLatencies(LatencyRecorder.start(log, INTERVAL));
    } catch (IOException e) {
      throw new SequelaException("cannot create the latency log: " + e.getMessage(), e);
    }
  }

  /**
   * The insert, its OK outcomes recorded under the node's tag (as is when recording is off) once final: under a
   * commit policy other than each, when its transaction commits (a rolled-back insert is not recorded).
   */
  Work insert(Work insert, Stage stage, ScenarioSpec node) {
    return recorder == null ? insert
        : insert.settledBy(recording(recorder.channel(stage.node(node).tag())));
  }

  /**
   * A warm-up's insert, recorded as {@link #insert} records a measured one's but into a channel no figure reads:
   * the warm-up runs the blocks' own code, so the JIT has compiled it before the first block starts.
   */
  Work warmupInsert(Work insert) {
    return recorder == null ? insert : insert.settledBy(recording(warmupChannel));
  }

  /** A COMMIT of the worker's transaction, recorded under the node's commit tag, apart from its inserts. */
  Work commit(Stage stage, ScenarioSpec node) {
    Work w = Work.commit();
    return recorder == null ? w : w.observedBy(recording(recorder.channel(stage.node(node).commitTag())));
  }

  /** An outcome observer recording the ns span of every OK outcome into {@code channel}; failures are not recorded. */
  static Consumer<Outcome> recording(LatencyRecorder.Channel channel) {
    return o -> {
      if (o.ok()) {
        channel.recordNanos(o.durationNanos());
      }
    };
  }

  /**
   * Stops recording once the run is over and copies the interval log into the run folder. Without recording there
   * are no totals: the latencies then come from the run record's spans (whole ms); with it, the run record still
   * adds the KOs ({@link #add}).
   *
   * @throws SequelaException when the log cannot be copied
   */
  Recorded finish(GatlingRun run) {
    if (recorder == null) {
      return new Recorded(null, null);
    }
    recorder.close();
    Path target = run.folder().resolve(LOG_FILE);
    try {
      Files.copy(recorder.log(), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new SequelaException("cannot write " + target + ": " + e.getMessage(), e);
    }
    return new Recorded(recorder.totals(), IntervalLog.read(target));
  }

  /** Stops recording and deletes the temporary log. */
  @Override
  public void close() {
    if (recorder != null) {
      recorder.close();
      try {
        Files.deleteIfExists(recorder.log());
      } catch (IOException e) {
        LOG.debug("the temporary latency log {} stays: {}", recorder.log(), e.getMessage());
      }
    }
  }
}

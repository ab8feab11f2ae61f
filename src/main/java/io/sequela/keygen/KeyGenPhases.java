package io.sequela.keygen;

import io.sequela.db.Dialect;
import io.sequela.db.InstanceWaits;
import io.sequela.gatlingrun.DuplicateKeys;
import io.sequela.record.RequestRecords;
import io.sequela.keys.KeyStrategy;
import io.sequela.load.Outcome;
import io.sequela.probe.PhaseProbe;
import io.sequela.probe.WaitDeltaProbe;
import io.sequela.stats.Percentiles;
import io.sequela.stats.PhaseFigures;
import io.sequela.stats.PhaseRecorder;
import io.sequela.stats.RoundFigures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The measuring side of a KeyGen run's stages: the {@link StageGate}'s preparation before each stage (after the
 * warm-up, its rows deleted; before a measured phase, the {@link PhaseProbe}: checkpoint, counters, wait-event
 * sampling; and on Oracle the per-instance {@link WaitDeltaProbe}), a {@link PhaseRecorder} per measured phase that the inserts' outcomes go to, and the figures per
 * round and per strategy. Thread-safe for the recording; the gate calls {@link #beforeStage} one stage at a time.
 */
final class KeyGenPhases {

  private static final Logger LOG = LoggerFactory.getLogger(KeyGenPhases.class);

  private final KeyGenSchedule schedule;
  private final List<KeyStrategy> strategies;
  private final String warmupPayload;
  private final Duration samplePeriod;
  private final PhaseProbe[] probes;
  private final PhaseProbe.Result[] results;
  private final PhaseRecorder[] recorders;
  private DataSource admin;
  private Dialect dialect;
  private StageGate gate;
  private Optional<WaitDeltaProbe> waits = Optional.empty();

  /**
   * @param warmupPayload the payload of the warm-up's rows, by which they are deleted
   * @param samplePeriod time between two wait-event samples
   */
  KeyGenPhases(KeyGenSchedule schedule, List<KeyStrategy> strategies, String warmupPayload, Duration samplePeriod) {
    this.schedule = schedule;
    this.strategies = List.copyOf(strategies);
    this.warmupPayload = warmupPayload;
    this.samplePeriod = samplePeriod;
    int n = schedule.stages();
    this.probes = new PhaseProbe[n];
    this.results = new PhaseProbe.Result[n];
    this.recorders = new PhaseRecorder[n];
    for (int i = 0; i < n; i++) {
      recorders[i] = new PhaseRecorder();
    }
  }

  /**
   * Where the probes connect, once the tables are ready; the gate whose open and close times are the walls; and the
   * per-instance wait deltas where the database has them (Oracle).
   */
  void connect(DataSource admin, Dialect dialect, StageGate gate, Optional<WaitDeltaProbe> waits) {
    this.admin = admin;
    this.dialect = dialect;
    this.gate = gate;
    this.waits = waits;
  }

  /** The gate's preparation of stage {@code stage}: finishes the previous phase, then starts this one. */
  void beforeStage(int stage) {
    if (stage > 0) {
      finish(stage - 1);
    }
    KeyGenSchedule.Phase p = schedule.phase(stage);
    KeyStrategy s = strategies.get(p.strategy());
    if (!p.warmup() && stage == schedule.firstMeasuredStage() && stage > 0) {
      for (KeyStrategy t : strategies) {
        long deleted = KeyGenTables.deleteWarmup(admin, dialect, t, warmupPayload);
        LOG.info("keygen {}: {} warm-up rows deleted", t.id(), deleted);
      }
    }
    if (!p.warmup()) {
      probes[stage] = PhaseProbe.start(admin, dialect, s, KeyGenRun.USER_SESSIONS, samplePeriod);
      waits.ifPresent(w -> w.stageStarts(stage));
    }
    LOG.info("keygen: {} starts", schedule.name(stage));
  }

  private void finish(int stage) {
    if (probes[stage] != null && results[stage] == null) {
      waits.ifPresent(w -> w.stageEnds(stage));
      results[stage] = probes[stage].finish(gate.openedAtMs(stage), gate.closedAtMs(stage));
    }
  }

  /** Records an insert's outcome (the lean driver: on the worker thread) into its stage's phase (a warm-up's is never reported). */
  void record(int stage, Outcome o) {
    recorders[stage].record(PhaseRecorder.micros(o.durationNanos()), o.ok(), !o.ok() && DuplicateKeys.isDuplicate(o.error()));
  }

  /**
   * Records the measured inserts of the run record (the JDBC plugin, whose outcomes sequela does not see: its
   * profile fills the record from Gatling 3.11's text log, in whole ms): a request named {@link KeyGenSchedule#insertRequest} goes to the stage of its strategy whose
   * gate was open when it started (stages run one after another; both clocks are the JVM's wall clock).
   */
  void recordFromRecord(RequestRecords records) {
    Map<String, List<Integer>> stagesOf = new LinkedHashMap<>();
    for (KeyGenSchedule.Phase p : schedule.phases()) {
      if (!p.warmup()) {
        stagesOf.computeIfAbsent(schedule.insertRequest(p.stage()), k -> new ArrayList<>()).add(p.stage());
      }
    }
    records.forEach(q -> {
      for (int stage : stagesOf.getOrDefault(q.key(), List.of())) {
        if (q.startMs() >= gate.openedAtMs(stage) && q.startMs() <= gate.closedAtMs(stage)) {
          recorders[stage].record(PhaseRecorder.micros(q.durationNanos()), q.ok(), !q.ok() && DuplicateKeys.isDuplicateCode(q.errorCode()));
          return;
        }
      }
    });
  }

  /** Finishes the last phase; then every measured round's figures, in round order. */
  List<RoundFigures> rounds() {
    for (int stage = 0; stage < schedule.stages(); stage++) {
      finish(stage);
    }
    List<RoundFigures> out = new ArrayList<>();
    for (int round = 1; round <= schedule.rounds(); round++) {
      Map<String, PhaseFigures> figures = new LinkedHashMap<>();
      for (KeyGenSchedule.Phase p : schedule.phases()) {
        if (p.round() == round) {
          figures.put(strategies.get(p.strategy()).id(), figures(p.stage()));
        }
      }
      out.add(new RoundFigures(round, schedule.order(round), figures));
    }
    return out;
  }

  /** The measured phases' per-instance wait deltas by phase name ({@code uuid4 round 2}), in run order; empty off Oracle. */
  Map<String, InstanceWaits> oracleWaits() {
    Map<String, InstanceWaits> out = new LinkedHashMap<>();
    waits.ifPresent(w -> schedule.phases().stream().filter(p -> !p.warmup())
        .forEach(p -> w.result(p.stage()).ifPresent(r -> out.put(schedule.name(p.stage()), r))));
    return out;
  }

  private PhaseFigures figures(int stage) {
    PhaseProbe.Result r = results[stage];
    PhaseRecorder rec = recorders[stage];
    double wallS = Math.max(0.001, (gate.closedAtMs(stage) - gate.openedAtMs(stage)) / 1000.0);
    Histogram h = rec.okCount() == 0 ? null : rec.okMicros();
    return new PhaseFigures(r == null ? 0 : r.rowsBefore(), r == null ? 0 : r.rowsAdded(), rec.okCount(), wallS,
        rec.okCount() / wallS,
        h == null ? null : Percentiles.valueAt(h, 50), h == null ? null : Percentiles.valueAt(h, 95),
        h == null ? null : Percentiles.valueAt(h, 99), h == null ? null : h.getMaxValue(), rec.ko(), rec.duplicates(),
        r == null ? null : r.indexBytesBefore(), r == null ? null : r.indexBytesAfter(), r == null ? null : r.walBytes(),
        r == null ? null : r.idxBlksRead(), r == null ? null : r.idxBlksHit(), r == null ? 0 : r.waitSamples(),
        r == null ? null : r.waitEvents(), r == null ? "phase not measured" : r.note());
  }
}

package io.sequela.keygen;

import io.sequela.db.Dialect;
import io.sequela.db.InstanceWaits;
import io.sequela.design.BlockResult;
import io.sequela.design.WarmupProgress;
import io.sequela.design.WarmupRule;
import io.sequela.gatlingrun.DuplicateKeys;
import io.sequela.record.RequestRecords;
import io.sequela.keys.KeyStrategy;
import io.sequela.load.Outcome;
import io.sequela.probe.BlockProbe;
import io.sequela.probe.WaitDeltaProbe;
import io.sequela.stats.BlockFigures;
import io.sequela.stats.BlockRecorder;
import io.sequela.stats.Percentiles;
import io.sequela.stats.WarmupFigures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The measuring side of a KeyGen run's steps: the {@link StepGate}'s preparation before each step (before the first
 * block, the warm-up's rows deleted; before a block, the {@link BlockProbe}: checkpoint, counters, wait-event sampling;
 * and on Oracle the per-instance {@link WaitDeltaProbe}), whether a step still runs ({@link #running}: a warm-up until
 * its {@link WarmupRule} says it is over, a block until its time is up), a {@link BlockRecorder} per step that the
 * inserts' outcomes go to, and at the end each block's and warm-up's figures. Thread-safe for the recording and
 * {@link #running}; the gate calls {@link #beforeStep} one step at a time.
 */
final class KeyGenBlocks {

  private static final Logger LOG = LoggerFactory.getLogger(KeyGenBlocks.class);
  /** An auto warm-up is checked after every this many inserts (its windows are 500). */
  private static final int AUTO_CHECK_EVERY = 50;

  private final KeyGenSchedule schedule;
  private final List<KeyStrategy> strategies;
  private final String warmupPayload;
  private final Duration samplePeriod;
  private final long blockNanos;
  private final BlockProbe[] probes;
  private final BlockProbe.Result[] results;
  private final BlockRecorder[] recorders;
  private final WarmupLog[] warmups;
  private DataSource admin;
  private Dialect dialect;
  private StepGate gate;
  private Optional<WaitDeltaProbe> waits = Optional.empty();

  /**
   * @param warmupPayload the payload of the warm-up's rows, by which they are deleted
   * @param samplePeriod time between two wait-event samples
   */
  KeyGenBlocks(KeyGenSchedule schedule, List<KeyStrategy> strategies, String warmupPayload, Duration samplePeriod) {
    this.schedule = schedule;
    this.strategies = List.copyOf(strategies);
    this.warmupPayload = warmupPayload;
    this.samplePeriod = samplePeriod;
    this.blockNanos = schedule.blockDuration().toNanos();
    int n = schedule.size();
    this.probes = new BlockProbe[n];
    this.results = new BlockProbe.Result[n];
    this.recorders = new BlockRecorder[n];
    this.warmups = new WarmupLog[n];
    for (int i = 0; i < n; i++) {
      recorders[i] = new BlockRecorder();
      if (schedule.step(i).warmup()) {
        warmups[i] = new WarmupLog(schedule.warmupRule());
      }
    }
  }

  /**
   * Where the probes connect, once the tables are ready; the gate whose open and close times are the walls; and the
   * per-instance wait deltas where the database has them (Oracle).
   */
  void connect(DataSource admin, Dialect dialect, StepGate gate, Optional<WaitDeltaProbe> waits) {
    this.admin = admin;
    this.dialect = dialect;
    this.gate = gate;
    this.waits = waits;
  }

  /** The gate's preparation of step {@code step}: finishes the previous block, then starts this one. */
  void beforeStep(int step) {
    if (step > 0) {
      finish(step - 1);
    }
    KeyGenSchedule.Step s = schedule.step(step);
    if (!s.warmup() && step == schedule.firstBlockStep() && step > 0) {
      for (KeyStrategy t : strategies) {
        long deleted = KeyGenTables.deleteWarmup(admin, dialect, t, warmupPayload);
        LOG.info("keygen {}: {} warm-up rows deleted", t.id(), deleted);
      }
    }
    if (!s.warmup()) {
      probes[step] = BlockProbe.start(admin, dialect, strategies.get(s.strategy()), KeyGenRun.USER_SESSIONS,
          samplePeriod);
      waits.ifPresent(w -> w.stageStarts(step));
    }
    LOG.info("keygen: {} starts", schedule.name(step));
  }

  /**
   * True while the users of step {@code step} go on inserting: a warm-up until its rule says it is over, a block until
   * its duration has passed since it opened. Cheap: the users ask before every insert.
   */
  boolean running(int step) {
    WarmupLog w = warmups[step];
    if (w != null) {
      return !w.done();
    }
    return System.nanoTime() - gate.openedAtNanos(step) < blockNanos;
  }

  private void finish(int step) {
    if (probes[step] != null && results[step] == null) {
      waits.ifPresent(w -> w.stageEnds(step));
      results[step] = probes[step].finish(gate.openedAtMs(step), gate.closedAtMs(step));
    }
  }

  /** Records an insert's outcome (the lean driver: on the worker thread) into its step (a warm-up's is never reported). */
  void record(int step, Outcome o) {
    long us = BlockRecorder.micros(o.durationNanos());
    recorders[step].record(us, o.ok(), !o.ok() && DuplicateKeys.isDuplicate(o.error()));
    if (warmups[step] != null) {
      warmups[step].add(us);
    }
  }

  /**
   * Counts a warm-up insert the JDBC plugin sent (sequela does not see its time during the run): it adds 0 µs, so
   * {@code auto} ends after its first windows and a count or a duration ends as planned.
   */
  void sent(int step) {
    if (warmups[step] != null) {
      warmups[step].add(0);
    }
  }

  /**
   * Records the measured inserts of the run record (the JDBC plugin, whose outcomes sequela does not see: its
   * profile fills the record from Gatling 3.11's text log, in whole ms): a request named {@link KeyGenSchedule#insertRequest} goes to the block of its strategy that
   * was open when it started (steps run one after another; both clocks are the JVM's wall clock).
   */
  void recordFromRecord(RequestRecords records) {
    Map<String, List<Integer>> stepsOf = new LinkedHashMap<>();
    for (KeyGenSchedule.Step s : schedule.steps()) {
      if (!s.warmup()) {
        stepsOf.computeIfAbsent(schedule.insertRequest(s.index()), k -> new ArrayList<>()).add(s.index());
      }
    }
    records.forEach(q -> {
      for (int step : stepsOf.getOrDefault(q.key(), List.of())) {
        if (q.startMs() >= gate.openedAtMs(step) && q.startMs() <= gate.closedAtMs(step)) {
          recorders[step].record(BlockRecorder.micros(q.durationNanos()), q.ok(), !q.ok() && DuplicateKeys.isDuplicateCode(q.errorCode()));
          return;
        }
      }
    });
  }

  /** Finishes the last block; then every finished block's result and figures, in run order. */
  List<KeyGenResults.BlockRun> blocks() {
    for (int step = 0; step < schedule.size(); step++) {
      finish(step);
    }
    List<KeyGenResults.BlockRun> out = new ArrayList<>();
    for (KeyGenSchedule.Step s : schedule.steps()) {
      long wall = gate.wallNanos(s.index());
      if (!s.warmup() && wall > 0) {
        Histogram h = recorders[s.index()].okMicros();
        out.add(new KeyGenResults.BlockRun(BlockResult.of(s.block(), h, Duration.ofNanos(wall)), figures(s, wall)));
      }
    }
    return out;
  }

  /** Each strategy's warm-up as it ran, in plan order; empty without warm-ups. */
  List<WarmupFigures> warmups() {
    List<WarmupFigures> out = new ArrayList<>();
    for (KeyGenSchedule.Step s : schedule.steps()) {
      if (s.warmup()) {
        WarmupProgress p = warmups[s.index()].last();
        out.add(new WarmupFigures(strategies.get(s.strategy()).id(), warmups[s.index()].count(),
            gate.wallNanos(s.index()) / 1e9, p == null || p.stable(), p == null ? "not run" : p.reason()));
      }
    }
    return out;
  }

  /** The blocks' per-instance wait deltas by block name ({@code uuid4 block 2}), in run order; empty off Oracle. */
  Map<String, InstanceWaits> oracleWaits() {
    Map<String, InstanceWaits> out = new LinkedHashMap<>();
    waits.ifPresent(w -> schedule.steps().stream().filter(s -> !s.warmup())
        .forEach(s -> w.result(s.index()).ifPresent(r -> out.put(schedule.name(s.index()), r))));
    return out;
  }

  private BlockFigures figures(KeyGenSchedule.Step s, long wallNanos) {
    BlockProbe.Result r = results[s.index()];
    BlockRecorder rec = recorders[s.index()];
    double wallS = wallNanos / 1e9;
    Histogram h = rec.okCount() == 0 ? null : rec.okMicros();
    return new BlockFigures(strategies.get(s.strategy()).id(), s.block().number() + 1, s.block().round() + 1,
        s.block().slot() + 1, s.block().position() + 1, r == null ? 0 : r.rowsBefore(), r == null ? 0 : r.rowsAdded(),
        rec.okCount(), wallS, rec.okCount() / wallS,
        h == null ? null : Percentiles.valueAt(h, 50), h == null ? null : Percentiles.valueAt(h, 95),
        h == null ? null : Percentiles.valueAt(h, 99), h == null ? null : h.getMaxValue(), rec.ko(), rec.duplicates(),
        r == null ? null : r.indexBytesBefore(), r == null ? null : r.indexBytesAfter(), r == null ? null : r.walBytes(),
        r == null ? null : r.idxBlksRead(), r == null ? null : r.idxBlksHit(), r == null ? 0 : r.waitSamples(),
        r == null ? null : r.waitEvents(), note(s, r == null ? "block not measured" : r.note(), rec));
  }

  /**
   * The block's note: the probe's, and why the block has no latencies when no insert of it succeeded (the strategy then
   * has no percentile over its blocks, and its page says why).
   */
  private String note(KeyGenSchedule.Step s, String probeNote, BlockRecorder rec) {
    if (rec.okCount() > 0) {
      return probeNote;
    }
    String none = schedule.name(s.index()) + ": no insert succeeded (" + rec.ko() + " failed), so "
        + strategies.get(s.strategy()).id() + " has no latency percentiles over its blocks.";
    return probeNote == null ? none : probeNote + " " + none;
  }

  /**
   * One warm-up's latencies in the order they completed and whether its rule has ended it. The rule is asked only when
   * it can end the warm-up: a count once it is reached, {@code auto} every {@link #AUTO_CHECK_EVERY} inserts (it copies
   * the latencies) and at its longest duration, a duration once it has passed (so a warm-up whose inserts hang still
   * ends on time). Its time runs from its first insert, not from the step's opening: the first warm-up opens before
   * Gatling has started the users and their connections.
   */
  private static final class WarmupLog {
    private final WarmupRule rule;
    private long[] latenciesUs = new long[1024];
    private int count;
    private volatile boolean done;
    private volatile long firstNanos;
    private WarmupProgress last;

    WarmupLog(WarmupRule rule) {
      this.rule = rule;
    }

    private Duration elapsed() {
      return count == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - firstNanos);
    }

    synchronized void add(long us) {
      if (count == 0) {
        firstNanos = System.nanoTime() - us * 1000;
      }
      Duration elapsed = elapsed();
      if (count == latenciesUs.length) {
        latenciesUs = Arrays.copyOf(latenciesUs, count * 2);
      }
      latenciesUs[count++] = us;
      if (done) {
        return;
      }
      if (rule instanceof WarmupRule.ForInserts n && count >= n.inserts()) {
        check(elapsed);
      } else if (rule instanceof WarmupRule.UntilStable && count % AUTO_CHECK_EVERY == 0) {
        check(elapsed);
      }
    }

    boolean done() {
      if (done || firstNanos == 0 && !(rule instanceof WarmupRule.ForInserts n && n.inserts() == 0)) {
        return done;
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - firstNanos);
      if (!done && (rule instanceof WarmupRule.ForDuration d && elapsed.compareTo(d.duration()) >= 0
          || rule instanceof WarmupRule.UntilStable u && elapsed.compareTo(u.maxDuration()) >= 0
          || rule instanceof WarmupRule.ForInserts n && n.inserts() == 0)) {
        synchronized (this) {
          check(elapsed);
        }
      }
      return done;
    }

    private void check(Duration elapsed) {
      last = rule.check(Arrays.copyOf(latenciesUs, count), elapsed);
      done = last.done();
    }

    synchronized long count() {
      return count;
    }

    synchronized WarmupProgress last() {
      return last;
    }
  }
}

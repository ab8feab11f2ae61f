package io.sequela.seqorder;

import io.sequela.gatlingrun.GatlingRun;
import io.sequela.record.RequestRecord;
import io.sequela.run.ThisRun;
import io.sequela.run.ExitCodes;
import io.sequela.run.Interruption;
import io.sequela.run.RunId;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sequela.SequelaException;
import io.sequela.config.Injector;
import io.sequela.config.NightlySettings;
import io.sequela.config.ScenarioSpec;
import io.sequela.config.SeqOrderSettings;
import io.sequela.config.TestSpec;
import io.sequela.db.BlockColumn;
import io.sequela.db.Dialect;
import io.sequela.db.GaleraCluster;
import io.sequela.db.JobExecutionTable;
import io.sequela.db.Pools;
import io.sequela.db.SessionColumns;
import io.sequela.db.SqlScripts;
import io.sequela.db.Target;
import io.sequela.config.SequenceMode;
import io.sequela.gaps.TimeBasis;
import io.sequela.load.JdbcWorkers;
import io.sequela.load.Work;
import io.sequela.probe.WaitDeltaProbe;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything SeqOrderSimulation does besides driving Gatling: settings and plan, targets, schema and its
 * primary key, the stages ({@link StageSequence}: each opens with a verified mode switch and its own pools,
 * and finishes by closing them), the dead-database watch that stops the run, and the reconciliation and pages
 * at the end ({@link SeqOrderFinish}). Gatling-free: the simulation hands in how to stop Gatling
 * ({@link #stopLoadWith}).
 *
 * <p>All nodes of a plan are expected to reach one database (the RAC instances of one database, the nodes
 * of one Galera cluster): the schema and the mode switch go through every distinct connection (both are
 * idempotent), results are read through the first node's.
 */
public final class SeqOrderRun implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SeqOrderRun.class);
  private static final long WATCH_PERIOD_MS = 200;

  private final SeqOrderSettings settings;
  private final NightlySettings nightly;
  private final TimeBasis clock;
  private final String runId;
  private final List<Stage> stages;
  private final Map<ScenarioSpec, Target> resolved = new LinkedHashMap<>();
  private final Map<String, StageSteps.Admin> admin = new LinkedHashMap<>();
  private final DeadNodeWatch watch;
  private final StageSteps stageSteps;
  private final StageSequence sequence;
  private final AtomicReference<Runnable> stopLoad = new AtomicReference<>(() -> { });
  private final ScheduledExecutorService watchTimer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "sequela-dead-node-watch");
    t.setDaemon(true);
    return t;
  });
  private ThisRun thisRun;
  private volatile boolean loadEnded;
  private Optional<WaitDeltaProbe> waits = Optional.empty();
  private InjectorRun injectorRun;
  private InsertLatencies insertLatencies;
  private final Map<Integer, WarmupTracker> warmups = new java.util.HashMap<>();
  private final Map<Integer, BlockClock> blockClocks = new java.util.HashMap<>();

  private SeqOrderRun(SeqOrderSettings settings, NightlySettings nightly) {
    this.settings = settings;
    this.clock = TimeBasis.parse(settings.clock());
    ModeSupport.check(settings.plan());
    this.nightly = nightly;
    this.runId = settings.runId().isEmpty() ? RunId.next() : settings.runId();
    List<Stage> s = new ArrayList<>();
    for (TestSpec t : settings.plan().tests()) {
      // this injector's share of the test: the whole test when one injector drives the run; its warm-ups, then its
      // measured blocks in the balanced order
      s.addAll(SeqOrderDesign.stages(settings.injector().share(t), s.size()));
    }
    this.stages = List.copyOf(s);
    for (Stage st : stages) {
      if (st.warmup()) {
        warmups.put(st.index(), new WarmupTracker(SeqOrderDesign.warmupRule(st.test()),
            SeqOrderDesign.warmupBound(st.test()).plusSeconds(1)));
      } else {
        blockClocks.put(st.index(), new BlockClock());
      }
    }
    this.watch = new DeadNodeWatch(settings.abortAfter());
    this.stageSteps = new StageSteps(stages, settings, resolved, admin, watch);
    stageSteps.onOpen(k -> {
      WarmupTracker w = warmups.get(k);
      if (w != null) {
        w.start();
      }
    });
    stageSteps.runId(runId);
    this.sequence = new StageSequence(stages.stream().mapToInt(Stage::users).toArray(), stageSteps);
    sequence.onStop(this::stopped);
  }

  /**
   * Loads and validates the settings and the plan, then connects every node (starting the embedded
   * PostgreSQL if a node needs it), creates the schema when {@code sequela.schema=create} and makes sure
   * JOB_EXECUTION has its primary key.
   *
   * @throws SequelaException.InvalidInput for a bad plan or setting (an unsupported JDBC URL included), before
   *     any database work
   * @throws SequelaException.DatabaseFailure naming the node and host that cannot be reached, or saying what
   *     to run when the primary key is missing and cannot be added
   */
  public static SeqOrderRun prepare() {
    SeqOrderSettings settings = SeqOrderSettings.load();
    checkDatabases(settings);
    SeqOrderRun run = new SeqOrderRun(settings, NightlySettings.load());
    try {
      run.connect();
      run.insertLatencies = InsertLatencies.start(run.settings, run.runId);
      run.thisRun = ThisRun.start(run.settings.resultsDir(), "SeqOrderSimulation", run.runId);
    } catch (RuntimeException e) {
      run.close();
      throw e;
    }
    return run;
  }

  /** Every node's database must be one sequela has a dialect for: one line per field naming it. */
  static void checkDatabases(SeqOrderSettings settings) {
    List<String> problems = new ArrayList<>();
    List<TestSpec> tests = settings.plan().tests();
    for (int i = 0; i < tests.size(); i++) {
      for (int j = 0; j < tests.get(i).scenarii().size(); j++) {
        try {
          Target.of(tests.get(i).scenarii().get(j).target()).dialect();
        } catch (SequelaException.UnsupportedDialect e) {
          String field = settings.targetOverride() ? "sequela.target"
              : settings.plan().source() + ": tests[" + i + "].scenarii[" + j + "].connection";
          if (!problems.contains(field + ": " + e.getMessage())) {
            problems.add(field + ": " + e.getMessage());
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new SequelaException.InvalidInput(String.join(System.lineSeparator(), problems));
    }
  }

  private void connect() {
    for (TestSpec t : settings.plan().tests()) {
      for (ScenarioSpec s : t.scenarii()) {
        Target target = Target.of(s.target()).resolve(s.nodeNumber(), settings.embedded());
        resolved.put(s, target);
        admin.computeIfAbsent(target.jdbcUrl(), url -> new StageSteps.Admin(
            Pools.open(target, Pools.config(target, "node " + s.nodeNumber(), 1, settings.connectTimeout())),
            s.nodeNumber(), target.host()));
      }
    }
    for (Stage st : stages) {
      st.test().scenarii().forEach(s -> resolved.computeIfAbsent(s,
          x -> Target.of(x.target()).resolve(x.nodeNumber(), settings.embedded())));
    }
    ServerUsersLimit.check(settings, resolved, admin);
    LOG.info("run {}: {} stage(s), {} distinct connection(s), dialect {}", runId, stages.size(), admin.size(), dialect());
    waits = WaitDeltaProbe.of(resultsPool(), dialect(), resultsTarget().user(), "run " + runId);
    stageSteps.waits(waits);
    Injector injector = settings.injector();
    if (!injector.single()) {
      InjectorRun.logSpread(runId, settings.plan(), injector);
      injectorRun = new InjectorRun(injector, runId, settings.plan(), stages, resultsPool(), settings.injectorTimeout());
      stageSteps.modeSwitch(injectorRun.stageStart(stageSteps::switchAndVerify));
    }
    // several injectors: injector 1 alone creates the schema; the others wait for it at the first stage barrier
    if (injector.coordinates()) {
      for (StageSteps.Admin a : admin.values()) {
        try (Connection c = a.pool().getConnection()) {
          if (settings.createSchema()) {
            SqlScripts.run(c, dialect(), "setup.sql");
            SessionColumns.addMissing(c, dialect());
            BlockColumn.addMissing(c, dialect());
          } else {
            SessionColumns.missingNote(c, dialect()).ifPresent(note -> LOG.warn("run {}: {}", runId, note));
            BlockColumn.requirePresent(c, dialect());
          }
          JobExecutionTable.ensurePrimaryKey(c, dialect(), settings.createSchema());
        } catch (SQLException e) {
          throw new SequelaException.DatabaseFailure("schema setup failed: " + e.getMessage(), e);
        }
      }
    }
  }

  /**
   * Opens the first stage (switch, verification, pools) and starts the dead-database watch; for
   * {@code Simulation.before()}.
   *
   * @throws SequelaException.DatabaseFailure one line naming the test, the mode and the database's message
   *     when the first stage cannot open: nothing has run
   */
  public void start() {
    sequence.open(0);
    Interruption.onInterrupt(this::interrupt);
    watchTimer.scheduleWithFixedDelay(() -> watch.check(System.nanoTime()).ifPresent(sequence::stop),
        WATCH_PERIOD_MS, WATCH_PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /**
   * How to stop the load generator (Gatling's own stop of its injector), run once when the run is stopped: a
   * stage that cannot open, or a node whose database died.
   */
  public void stopLoadWith(Runnable stop) {
    stopLoad.set(stop);
    if (sequence.isStopped() && !loadEnded) {
      stop.run(); // stopped (interrupted) before Gatling handed its stop over
    }
  }

  /**
   * Ctrl-C, SIGTERM or the parent process gone ({@link Interruption}): the run stops as a dead database stops it, and
   * ends with {@link ExitCodes#INTERRUPTED}; once the load has ended, the run ends its own way.
   */
  private void interrupt(String reason) {
    if (!loadEnded && sequence.stop("interrupted (" + reason + ")", new SequelaException.Interrupted("interrupted (" + reason + ")"))) {
      // the database is alive: without this, the workers would go on inserting rows Gatling no longer records
      stageSteps.abortAll();
    }
  }

  private void stopped() {
    String reason = sequence.stopReason().orElse("");
    System.err.println();
    System.err.println("sequela: stopping the run: " + reason);
    System.err.flush();
    LOG.error("run {}: stopping: {}", runId, reason);
    stopLoad.get().run();
  }

  /** The stages in run order. */
  public List<Stage> stages() {
    return stages;
  }

  /** The stage sequence: users of stage k call {@link StageSequence#userDone(int)} when done. */
  public StageSequence sequence() {
    return sequence;
  }

  /** This run's id (JOB_EXECUTION.RUN_ID). */
  public String runId() {
    return runId;
  }

  /** The validated settings. */
  public SeqOrderSettings settings() {
    return settings;
  }

  /** The dialect of the first node (all nodes reach one database). */
  public Dialect dialect() {
    return resolved.values().iterator().next().dialect();
  }

  /**
   * The lean workers of one node in one stage, one per user, the same for its inserts and its commits; they
   * borrow from the stage's pool, open only while the stage is. Closed when the stage finishes.
   *
   * @param clockMs the clock response times are given on, ms
   */
  public JdbcWorkers insertWorkers(Stage stage, ScenarioSpec node, LongSupplier clockMs) {
    return stageSteps.workers(stage, node, clockMs);
  }

  /**
   * The insert of one node in one stage ({@link JobExecutionInsert}), for the lean workers: its committed
   * outcomes' ns spans are recorded under {@link io.sequela.config.StageNode#tag} unless
   * {@code sequela.latency.record=false}, and every outcome goes to the dead-database watch.
   */
  public Work insert(Stage stage, ScenarioSpec node) {
    String name = StageSteps.watchName(node);
    Work w = JobExecutionInsert.work(node.nodeNumber(), stage.test().name(), runId, stage.mode().name(),
        stage.blockNo());
    if (stage.warmup()) {
      // untimed: its latencies go to the warm-up's rule only, its rows are deleted when it ends
      return w.settledBy(warmups.get(stage.index())::record).observedBy(o -> watch.outcome(name, o, System.nanoTime()));
    }
    BlockClock clock = blockClocks.get(stage.index());
    return insertLatencies.insert(w, stage, node).settledBy(clock::record)
        .observedBy(o -> watch.outcome(name, o, System.nanoTime()));
  }

  /** True once warm-up stage {@code k} is over (its users stop); true for a stage that is no warm-up. */
  public boolean warmupDone(int k) {
    WarmupTracker w = warmups.get(k);
    return w == null || w.done() || sequence.isStopped();
  }

  /** How each warm-up of the test ended, in run order. */
  List<io.sequela.design.WarmupSummary> warmups(String test) {
    List<io.sequela.design.WarmupSummary> out = new ArrayList<>();
    for (Stage s : stages) {
      if (s.warmup() && s.test().name().equals(test)) {
        out.add(warmups.get(s.index()).summary(s.variantName()));
      }
    }
    return out;
  }

  /** The measured span of block stage {@code k}: first insert's start to last insert's end; empty before any. */
  Optional<java.time.Duration> blockDuration(int k) {
    BlockClock c = blockClocks.get(k);
    return c == null ? Optional.empty() : c.duration();
  }

  /**
   * A COMMIT of one node's open transaction in one stage, for a commit policy other than each: timed on its own
   * and recorded under {@link io.sequela.config.StageNode#commitTag}, apart from the inserts, unless recording is off.
   */
  public Work commit(Stage stage, ScenarioSpec node) {
    return stage.warmup() ? Work.commit() : insertLatencies.commit(stage, node);
  }

  /**
   * The pool configuration of one node in one stage for the JDBC plugin ({@code -Dsequela.driver=plugin}):
   * one connection per user (the plugin opens it when Gatling starts).
   */
  public HikariConfig poolConfig(Stage stage, ScenarioSpec node) {
    return stageSteps.pluginPoolConfig(stage, node);
  }

  /** The pool used for results: the first node's. */
  HikariDataSource resultsPool() {
    return admin.values().iterator().next().pool();
  }

  /** The first node's target, where the results are read. */
  Target resultsTarget() {
    return resolved.values().iterator().next();
  }

  StageSteps stageSteps() {
    return stageSteps;
  }

  TimeBasis timeBasis() {
    return clock;
  }

  NightlySettings nightly() {
    return nightly;
  }

  /** The per-instance wait deltas per stage, where the dialect has them (Oracle). */
  Optional<WaitDeltaProbe> waits() {
    return waits;
  }

  /** This run's folder and record (by construction, never the newest folder). */
  ThisRun thisRun() {
    return thisRun;
  }

  /** This run's Gatling run folder, by construction. */
  public GatlingRun runFolder() {
    return thisRun.folder();
  }

  /** The run record every request of this run goes to ({@code simulations/LeanJdbc} writes it). */
  public RequestRecord record() {
    return thisRun.record();
  }

  /**
   * An upper bound for the run's duration, for Gatling's maxDuration: three times every stage's
   * {@link Stage#plannedDuration()} plus 5 minutes (plus one sequela.injector-timeout per stage barrier when
   * several injectors drive the run), so a hung database cannot hold a nightly job forever while a long plan
   * still runs to its end.
   */
  public java.time.Duration maxDuration() {
    java.time.Duration planned = stages.stream().map(Stage::plannedDuration).reduce(java.time.Duration.ZERO, java.time.Duration::plus);
    java.time.Duration barriers = settings.injector().single() ? java.time.Duration.ZERO
        : settings.injectorTimeout().multipliedBy(stages.size() + 1L);
    return planned.multipliedBy(3).plusMinutes(5).plus(barriers);
  }

  /** The several-injector side of the run, or null when one injector drives it. */
  InjectorRun injectorRun() {
    return injectorRun;
  }

  /** The workers' latency recording. */
  InsertLatencies insertLatencies() {
    return insertLatencies;
  }

  /**
   * Ends the run once Gatling has closed this run's simulation.log (in {@code Simulation.after()}); see
   * {@link SeqOrderFinish#run}.
   *
   * @param out where the tables go (the console)
   * @return the JVM's exit status once the report is written: 0, {@link ExitCodes#DATABASE} for a stopped run,
   *     {@link ExitCodes#RECONCILIATION_FAILED} when OK and rows disagree
   */
  public int finish(PrintStream out) {
    loadEnded = true;
    return SeqOrderFinish.run(this, out);
  }

  /** Closes the workers and pools, and stops the local Galera cluster if this run started one. */
  @Override
  public void close() {
    watchTimer.shutdownNow();
    if (thisRun != null) {
      thisRun.record().close();
    }
    if (insertLatencies != null) {
      insertLatencies.close();
    }
    if (sequence.isStopped()) {
      stageSteps.abortAll();
      StageSteps.closeLater(admin.values().stream().map(StageSteps.Admin::pool).toList());
    } else {
      stageSteps.closeAll();
      admin.values().forEach(a -> a.pool().close());
    }
    GaleraCluster.stopIfStarted();
  }
}

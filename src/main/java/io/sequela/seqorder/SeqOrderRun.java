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
import io.sequela.gaps.Latencies;
import io.sequela.gaps.StageStatus;
import io.sequela.gaps.TimeBasis;
import io.sequela.db.InstanceWaits;
import io.sequela.record.RequestRecords;
import io.sequela.load.JdbcWorkers;
import io.sequela.load.Work;
import io.sequela.probe.WaitDeltaProbe;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
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
  private final Nodes nodes;
  private final DeadNodeWatch watch;
  private final Optional<WaitDeltaProbe> waits;
  /** The several-injector side of the run, or null when one injector drives it. */
  private final InjectorRun injectorRun;
  private final StageSteps stageSteps;
  private final StageSequence sequence;
  private final InsertLatencies insertLatencies;
  private final ThisRun thisRun;
  private final Map<Integer, WarmupTracker> warmups = new HashMap<>();
  private final Map<Integer, BlockClock> blockClocks = new HashMap<>();
  /** Each warm-up stage's loop limit, ended when its part of the warm-up is over or the run stops. */
  private final Map<Integer, LoopLimit> warmupLimits = new HashMap<>();
  private final AtomicReference<Runnable> stopLoad = new AtomicReference<>(() -> { });
  private final ScheduledExecutorService watchTimer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "sequela-dead-node-watch");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean loadEnded;

  /**
   * Every node's target and one pool per distinct connection, opened once before the run is built; both in plan
   * order, the first node's first (its database holds the results).
   */
  private record Nodes(Map<ScenarioSpec, Target> resolved, Map<String, StageSteps.Admin> admin) {

    /** Resolves every node (starting the embedded PostgreSQL or local Galera if one needs it) and opens the pools. */
    static Nodes connect(SeqOrderSettings settings, List<Stage> stages) {
      Map<ScenarioSpec, Target> resolved = new LinkedHashMap<>();
      Map<String, StageSteps.Admin> admin = new LinkedHashMap<>();
      try {
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
      } catch (RuntimeException e) {
        admin.values().forEach(a -> a.pool().close());
        throw e;
      }
      return new Nodes(Collections.unmodifiableMap(resolved), Collections.unmodifiableMap(admin));
    }

    /** The first node's target, where the results are read. */
    Target results() {
      return resolved.values().iterator().next();
    }

    /** The pool used for results: the first node's. */
    HikariDataSource resultsPool() {
      return admin.values().iterator().next().pool();
    }
  }

  /**
   * The run over its connected nodes: its stages' steps and sequence given every part at once, the schema, the
   * latency recording and this run's folder.
   *
   * @throws SequelaException as {@link #prepare}; what it started itself is closed first, the nodes are the caller's
   */
  private SeqOrderRun(SeqOrderSettings settings, NightlySettings nightly, TimeBasis clock, String runId,
      List<Stage> stages, Nodes nodes) {
    this.settings = settings;
    this.nightly = nightly;
    this.clock = clock;
    this.runId = runId;
    this.stages = stages;
    this.nodes = nodes;
    for (Stage st : stages) {
      if (st.warmup()) {
        warmupLimits.put(st.index(), LoopLimit.untilEnded());
      }
      if (st.rehearsal()) {
        // a warm-up in two stages: the second part of the previous stage's warm-up (WarmupTracker)
        warmups.put(st.index(), warmups.get(st.index() - 1));
      } else if (st.warmup()) {
        boolean twoParts = st.index() + 1 < stages.size() && stages.get(st.index() + 1).rehearsal();
        warmups.put(st.index(), new WarmupTracker(SeqOrderDesign.warmupRule(st.test()),
            SeqOrderDesign.warmupBound(st.test()).plusSeconds(1), twoParts ? 2 : 1));
      } else {
        blockClocks.put(st.index(), new BlockClock());
      }
    }
    this.watch = new DeadNodeWatch(settings.abortAfter());
    ServerUsersLimit.check(settings, nodes.resolved(), nodes.admin());
    LOG.info("run {}: {} stage(s), {} distinct connection(s), dialect {}", runId, stages.size(), nodes.admin().size(),
        dialect());
    this.waits = WaitDeltaProbe.of(resultsPool(), dialect(), resultsTarget().user(), "run " + runId);
    Injector injector = settings.injector();
    if (!injector.single()) {
      InjectorRun.logSpread(runId, settings.plan(), injector);
      this.injectorRun = new InjectorRun(injector, runId, settings.plan(), stages, resultsPool(), settings.injectorTimeout());
    } else {
      this.injectorRun = null;
    }
    this.stageSteps = new StageSteps(stages, settings, nodes.resolved(), nodes.admin(), watch, runId, waits,
        injectorRun == null ? UnaryOperator.identity() : injectorRun::stageStart, k -> {
          WarmupTracker w = warmups.get(k);
          if (w != null) {
            w.startPart(warmupLimits.get(k));
          }
        });
    this.sequence = new StageSequence(stages.stream().mapToInt(Stage::users).toArray(), stageSteps, this::stopped);
    // several injectors: injector 1 alone creates the schema; the others wait for it at the first stage barrier
    if (injector.coordinates()) {
      setUpSchema();
    }
    this.insertLatencies = InsertLatencies.start(settings, runId);
    try {
      this.thisRun = ThisRun.start(settings.resultsDir(), "SeqOrderSimulation", runId);
    } catch (RuntimeException e) {
      insertLatencies.close();
      throw e;
    }
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
    NightlySettings nightly = NightlySettings.load();
    TimeBasis clock = TimeBasis.parse(settings.clock());
    ModeSupport.check(settings.plan());
    String runId = settings.runId().isEmpty() ? RunId.next() : settings.runId();
    List<Stage> stages = new ArrayList<>();
    for (TestSpec t : settings.plan().tests()) {
      // this injector's share of the test: the whole test when one injector drives the run; its warm-ups, then its
      // measured blocks in the balanced order
      stages.addAll(SeqOrderDesign.stages(settings.injector().share(t), stages.size()));
    }
    Nodes nodes = null;
    try {
      nodes = Nodes.connect(settings, stages);
      return new SeqOrderRun(settings, nightly, clock, runId, List.copyOf(stages), nodes);
    } catch (RuntimeException e) {
      if (nodes != null) {
        nodes.admin().values().forEach(a -> a.pool().close());
      }
      GaleraCluster.stopIfStarted();
      throw e;
    }
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

  /** Creates the schema when {@code sequela.schema=create} and makes sure JOB_EXECUTION has its primary key. */
  private void setUpSchema() {
    for (StageSteps.Admin a : nodes.admin().values()) {
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
    warmupLimits.values().forEach(LoopLimit::end);
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
    return nodes.results().dialect();
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
      // the blocks' own steps, into a recording and a block clock no figure reads, then the warm-up's rule: the
      // JIT compiles the path the blocks run while the warm-up runs (a path seen first in the first block is
      // compiled again there, 15-20 µs of the client's CPU per insert for its first seconds,
      // docs/insert-path-profile.md); the warm-up's rows are deleted when it ends
      int k = stage.index();
      WarmupTracker tracker = warmups.get(k);
      LoopLimit limit = warmupLimits.get(k);
      return timed(insertLatencies.warmupInsert(w), new BlockClock(), name).settledBy(o -> tracker.settle(o, limit));
    }
    return timed(insertLatencies.insert(w, stage, node), blockClocks.get(stage.index()), name);
  }

  /** The steps every insert settles through, warm-up's or block's: its block clock and the dead-database watch. */
  private Work timed(Work insert, BlockClock clock, String watchName) {
    return insert.settledBy(clock::record).observedBy(o -> watch.outcome(watchName, o, System.nanoTime()));
  }

  /**
   * The loop limit of one node's users in one stage, read before every iteration (the lean path's loop): a block's
   * planned iterations; for a warm-up, unbounded until the warm-up's rule is met, checked as each of its inserts
   * settles, or the run stops.
   */
  public LoopLimit loopLimit(Stage stage, ScenarioSpec node) {
    return stage.warmup() ? warmupLimits.get(stage.index()) : LoopLimit.fixed(stage.iterations(node));
  }

  /**
   * True once warm-up stage {@code k} is over (its users stop); true for a stage that is no warm-up. Polled by the
   * JDBC plugin's loop, whose inserts never settle through sequela (the lean path reads {@link #loopLimit}).
   */
  public boolean warmupDone(int k) {
    WarmupTracker w = warmups.get(k);
    return w == null || w.done() || sequence.isStopped();
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
  private HikariDataSource resultsPool() {
    return nodes.resultsPool();
  }

  /** The first node's target, where the results are read. */
  private Target resultsTarget() {
    return nodes.results();
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

  /**
   * Ends the run once Gatling has closed this run's simulation.log (in {@code Simulation.after()}): gathers what the
   * run left into {@link SeqOrderResults}, once, and hands it to {@link SeqOrderFinish#run} (reconciliation, gap
   * analysis, pages, checks). An injector of several prints and records its own share and leaves its latency.hlog
   * and record in its folder; the merge reconciles and analyses the whole run.
   *
   * @param out where the tables go (the console)
   * @return the JVM's exit status once the report is written: 0, {@link ExitCodes#DATABASE} for a stopped run,
   *     {@link ExitCodes#RECONCILIATION_FAILED} when OK and rows disagree
   * @throws SequelaException when the run folder cannot be found, or a query fails on a database that answers
   */
  public int finish(PrintStream out) {
    loadEnded = true;
    // this run's folder by construction, and sequela's own record of its requests moved into it
    RequestRecords records = thisRun.finish();
    GatlingRun gr = thisRun.folder();
    if (injectorRun != null) {
      insertLatencies.finish(gr);
      injectorRun.finish(gr, records, out);
      return sequence.isStopped() ? SeqOrderFinish.stopExit(sequence.stopCause()) : 0;
    }
    return SeqOrderFinish.run(results(records, gr), resultsPool(), out);
  }

  /** What the run left, gathered once the load has ended: stages, requests, latencies, wait deltas. */
  private SeqOrderResults results(RequestRecords records, GatlingRun gr) {
    InsertLatencies.Recorded recorded = insertLatencies.finish(gr);
    Latencies.Builder latencies = recorded.latencies();
    // one pass over the run record: OK/KO per request for the reconciliation, KO codes (and, without the workers'
    // latency recording, each request's span in whole ms) for the latencies
    Map<String, RequestRecords.Outcomes> outcomes = records.outcomesByRequest(q -> InsertLatencies.add(latencies, q));
    String unreachable = sequence.isStopped() ? unreachable(resultsTarget()) : null;
    List<SeqOrderResults.StageRun> runs = new ArrayList<>();
    for (Stage s : stages) {
      int k = s.index();
      StageStatus status = new StageStatus(s.test().name(), s.mode(), sequence.state(k), sequence.reason(k),
          stageSteps.usesSequence(k), stageSteps.readBack(k), s.variantName(), s.blockNo());
      BlockClock block = blockClocks.get(k);
      runs.add(new SeqOrderResults.StageRun(s, status, sequence.hasOpened(k),
          block == null ? Optional.empty() : block.duration(),
          s.warmup() && !s.rehearsal() ? warmups.get(k).summary(s.variantName()) : null));
    }
    return new SeqOrderResults(runId, settings, nightly, dialect(), resultsTarget(), clock, gr, runs, outcomes,
        latencies.build(), recorded.perSecond(), unreachable == null ? waits.map(this::waitDeltas) : Optional.empty(),
        sequence.stopReason().orElse(null), sequence.stopCause(), unreachable);
  }

  /** Null when the results database answers a fresh connection at once, else why not (one line). */
  private static String unreachable(Target results) {
    try (Connection c = Pools.direct(results, "results").open()) {
      return c.isValid(2) ? null : "the database does not answer";
    } catch (SequelaException | SQLException e) {
      return e.getMessage();
    }
  }

  /**
   * The wait deltas of every stage that ran (each ended when the stage finished; a cut-short one ends here), per
   * test and mode.
   */
  private Map<String, Map<String, InstanceWaits>> waitDeltas(WaitDeltaProbe probe) {
    Map<String, Map<String, InstanceWaits>> byTest = new LinkedHashMap<>();
    for (Stage s : stages) {
      probe.stageEnds(s.index());
      probe.result(s.index()).ifPresent(w ->
          byTest.computeIfAbsent(s.test().name(), t -> new LinkedHashMap<>()).put(s.mode().name(), w));
    }
    byTest.replaceAll((t, modes) -> Collections.unmodifiableMap(modes));
    return byTest;
  }

  /** Closes the workers and pools, and stops the local Galera cluster if this run started one. */
  @Override
  public void close() {
    watchTimer.shutdownNow();
    thisRun.record().close();
    insertLatencies.close();
    if (sequence.isStopped()) {
      stageSteps.abortAll();
      StageSteps.closeLater(nodes.admin().values().stream().map(StageSteps.Admin::pool).toList());
    } else {
      stageSteps.closeAll();
      nodes.admin().values().forEach(a -> a.pool().close());
    }
    GaleraCluster.stopIfStarted();
  }
}

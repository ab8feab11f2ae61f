package io.sequela.simulation;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sequela.SequelaException;
import io.sequela.gaps.GapAnalysis;
import io.sequela.gaps.GapAnalysisResult;
import io.sequela.gaps.Latencies;
import io.sequela.gaps.Reconciliation;
import io.sequela.gaps.TimeBasis;
import io.sequela.config.Injector;
import io.sequela.config.NightlySettings;
import io.sequela.config.ScenarioSpec;
import io.sequela.config.SeqOrderSettings;
import io.sequela.config.TestSpec;
import io.sequela.db.Dialect;
import io.sequela.db.GaleraCluster;
import io.sequela.db.InstanceWaits;
import io.sequela.db.Pools;
import io.sequela.db.SessionColumns;
import io.sequela.db.SqlScripts;
import io.sequela.db.Target;
import io.sequela.config.SequenceMode;
import io.sequela.load.JdbcWorkers;
import io.sequela.load.Work;
import io.sequela.nightly.InsertLatencyUs;
import io.sequela.nightly.Nightly;
import io.sequela.nightly.NightlyOutcome;
import io.sequela.nightly.RunIdentity;
import io.sequela.nightly.SeqOrderNightly;
import io.sequela.nightly.TestResult;
import io.sequela.probe.WaitDeltaProbe;
import io.sequela.report.ComparisonTable;
import io.sequela.report.RacFigures;
import io.sequela.report.ReconciliationTable;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.gatlingrun.KoCodes;
import io.sequela.report.SequenceGapsReport;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything SeqOrderSimulation does besides driving Gatling: settings and plan, targets, schema, the
 * sequence mode switch before each stage, and the reconciliation at the end. Gatling-free.
 *
 * <p>All nodes of a plan are expected to reach one database (the RAC instances of one database, the nodes
 * of one Galera cluster): the schema and the mode switch go through every distinct connection (both are
 * idempotent), results are read through the first node's.
 */
public final class SeqOrderRun implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SeqOrderRun.class);

  private final SeqOrderSettings settings;
  private final TimeBasis clock;
  private final NightlySettings nightly;
  private final String runId;
  private final List<Stage> stages;
  private final Map<ScenarioSpec, Target> resolved = new LinkedHashMap<>();
  private final Map<String, HikariDataSource> admin = new LinkedHashMap<>();
  private final StageGate gate;
  private IntConsumer stageStart = this::beforeStage;
  private InjectorRun injectorRun;
  private final List<JdbcWorkers> workers = new CopyOnWriteArrayList<>();
  private final long startedAtMs = System.currentTimeMillis();
  private InsertLatencies insertLatencies;
  private Optional<WaitDeltaProbe> waits = Optional.empty();

  private SeqOrderRun(SeqOrderSettings settings, NightlySettings nightly) {
    this.settings = settings;
    this.clock = TimeBasis.parse(settings.clock());
    ModeSupport.check(settings.plan());
    this.nightly = nightly;
    this.runId = settings.runId().isEmpty() ? RunId.next() : settings.runId();
    List<Stage> s = new ArrayList<>();
    for (TestSpec t : settings.plan().tests()) {
      for (SequenceMode m : t.modes()) {
        // this injector's share of the test: the whole test when one injector drives the run
        s.add(new Stage(s.size(), settings.injector().share(t), m));
      }
    }
    this.stages = List.copyOf(s);
    this.gate = new StageGate(stages, k -> stageStart.accept(k));
  }

  /**
   * Loads and validates the settings and the plan, then connects every node (starting the embedded
   * PostgreSQL if a node needs it) and creates the schema when {@code sequela.schema=create}.
   *
   * @throws SequelaException.InvalidInput for a bad plan or setting, before any database work
   * @throws SequelaException.DatabaseFailure naming the node and host that cannot be reached
   */
  public static SeqOrderRun prepare() {
    SeqOrderRun run = new SeqOrderRun(SeqOrderSettings.load(), NightlySettings.load());
    try {
      run.connect();
      run.insertLatencies = InsertLatencies.start(run.settings, run.runId);
    } catch (RuntimeException e) {
      run.close();
      throw e;
    }
    return run;
  }

  private void connect() {
    for (TestSpec t : settings.plan().tests()) {
      for (ScenarioSpec s : t.scenarii()) {
        Target target = Target.of(s.target()).resolve(s.nodeNumber());
        resolved.put(s, target);
        admin.computeIfAbsent(target.jdbcUrl(), url -> Pools.open(target, "node " + s.nodeNumber(), 1));
      }
    }
    for (Stage st : stages) {
      st.test().scenarii().forEach(s -> resolved.computeIfAbsent(s, x -> Target.of(x.target()).resolve()));
    }
    LOG.info("run {}: {} stage(s), {} distinct connection(s), dialect {}", runId, stages.size(), admin.size(), dialect());
    waits = WaitDeltaProbe.of(resultsPool(), dialect(), resolved.values().iterator().next().user(), "run " + runId);
    Injector injector = settings.injector();
    if (!injector.single()) {
      InjectorRun.logSpread(runId, settings.plan(), injector);
      injectorRun = new InjectorRun(injector, runId, settings.plan(), stages, resultsPool(), settings.injectorTimeout());
      stageStart = injectorRun.stageStart(this::beforeStage);
    }
    // several injectors: injector 1 alone creates the schema; the others wait for it at the first stage barrier
    if (injector.coordinates()) {
      for (HikariDataSource ds : admin.values()) {
        try (Connection c = ds.getConnection()) {
          if (settings.createSchema()) {
            SqlScripts.run(c, dialect(), "setup.sql");
            SessionColumns.addMissing(c, dialect());
          } else {
            SessionColumns.missingNote(c, dialect()).ifPresent(note -> LOG.warn("run {}: {}", runId, note));
          }
        } catch (SQLException e) {
          throw new SequelaException.DatabaseFailure("schema setup failed: " + e.getMessage(), e);
        }
      }
    }
  }

  private void beforeStage(int k) {
    if (k > 0) {
      waits.ifPresent(w -> w.stageEnds(k - 1));
    }
    Stage stage = stages.get(k);
    List<String> sql = dialect().switchSequence("seq_job_execution_id", stage.mode(), stage.test().sequenceCache());
    for (HikariDataSource ds : admin.values()) {
      try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
        for (String s : sql) {
          st.execute(s);
        }
      } catch (SQLException e) {
        throw new SequelaException.DatabaseFailure("switching the sequence to " + stage.mode() + " failed: " + e.getMessage(), e);
      }
    }
    waits.ifPresent(w -> w.stageStarts(k));
    LOG.info("run {}: stage {} '{}' {} starts ({})", runId, k, stage.test().name(), stage.mode(),
        sql.isEmpty() ? "the sequence is not used" : String.join("; ", sql));
  }

  /** The stages in run order. */
  public List<Stage> stages() {
    return stages;
  }

  /** The gate the virtual users poll; {@link StageGate#start()} switches to the first stage's mode. */
  public StageGate gate() {
    return gate;
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
   * Opens the lean insert workers of one node in one stage: its own pool (fresh connections for the stage's
   * mode; they call no sequence before the stage opens) and one worker per user. Closed by {@link #close()}.
   *
   * @param clockMs the clock response times are given on, ms
   * @throws SequelaException.DatabaseFailure when the node cannot be reached
   */
  public JdbcWorkers insertWorkers(Stage stage, ScenarioSpec node, LongSupplier clockMs) {
    String name = poolName(stage, node);
    Target target = resolved.get(node);
    JdbcWorkers w = JdbcWorkers.open(Pools.open(target, name, node.users()), name, node.users(), clockMs,
        target.dialect()::errorCode);
    workers.add(w);
    return w;
  }

  /**
   * The insert of one node in one stage ({@link JobExecutionInsert}), for the lean workers; its OK outcomes' ns
   * spans are recorded under {@link Latencies#tag} unless {@code sequela.latency.record=false}.
   */
  public Work insert(Stage stage, ScenarioSpec node) {
    return insertLatencies.insert(JobExecutionInsert.work(node.nodeNumber(), stage.test().name(), runId,
        stage.mode().name()), stage, node);
  }

  /**
   * A COMMIT of one node's open transaction in one stage, for a commit policy other than autocommit: timed on its
   * own and recorded under {@link Latencies#commitTag}, apart from the inserts, unless recording is off.
   */
  public Work commit(Stage stage, ScenarioSpec node) {
    return insertLatencies.commit(stage, node);
  }

  /**
   * The pool configuration of one node in one stage for the JDBC plugin ({@code -Dsequela.driver=plugin}):
   * one connection per user, opened for this stage only.
   */
  public HikariConfig poolConfig(Stage stage, ScenarioSpec node) {
    return Pools.config(resolved.get(node), poolName(stage, node), node.users());
  }

  private static String poolName(Stage stage, ScenarioSpec node) {
    return "node-" + node.nodeNumber() + " " + stage.mode();
  }

  /** The pool used for results: the first node's. */
  public HikariDataSource resultsPool() {
    return admin.values().iterator().next();
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
   * Ends the run, once Gatling has closed this run's simulation.log (in {@code Simulation.after()}):
   * reconciles Gatling's OK/KO counts with the rows in JOB_EXECUTION, writes the workers' latency.hlog into the
   * run folder ({@link InsertLatencies}), runs the sequence-ordering gap analysis, prints both tables (the verdicts
   * first), runs the nightly checks (the plan's assertions, the regression gate, one
   * history row per test, sequela-assertions.xml), and registers the {@link AfterReport} hook that adds
   * sequence-gaps.html|json and trends.html to the report and ends the console with the failed checks.
   *
   * @param out where the tables go (the console)
   * <p>An injector of several ({@code -Dsequela.injector=<i>/<n>}, n &gt; 1) only prints and records its own share
   * (see {@link InjectorRun}); the merge reconciles and analyses the whole run.
   *
   * @return the reconciliation (no line for an injector of several); when it fails, the JVM will exit with
   *     {@link ExitCodes#RECONCILIATION_FAILED}, else with {@link ExitCodes#CHECK_FAILED} when a check failed
   * @throws SequelaException when the run folder cannot be found or a query fails
   */
  public Reconciliation finish(PrintStream out) {
    GatlingRun gr = runFolder();
    if (injectorRun != null) {
      injectorRun.finish(gr, out);
      return new Reconciliation(List.of());
    }
    Reconciliation rec = reconcile(gr);
    InsertLatencies.Recorded recorded = insertLatencies.finish(gr);
    Latencies latencies = recorded.latencies();
    InsertLatencyUs latency = new InsertLatencyUs(latencies);
    gr.forEachRequest(q -> latencies.record(q.name(), q.endMs() - q.startMs(), q.ok(),
        q.ok() ? null : KoCodes.codeOf(q.message())));
    List<String> tests = settings.plan().tests().stream().map(TestSpec::name).toList();
    GapAnalysisResult gaps = GapAnalysis.run(resultsPool(), dialect(), runId, tests, clock, settings.colourBySession());
    out.println();
    out.println("sequela run " + runId + " on " + dialect() + ": reconciliation");
    out.println(ReconciliationTable.render(rec));
    out.println();
    out.print(ComparisonTable.render(gaps, latencies));
    if (!rec.reconciles()) {
      out.println("sequela: reconciliation failed: OK != rows for at least one node (see the table above)");
    }
    NightlyOutcome checks = nightly(gr, rec, gaps, latency, out);
    out.println();
    out.print(checks.checks().summary());
    int exit = !rec.reconciles() ? ExitCodes.RECONCILIATION_FAILED : checks.exitCode();
    RacFigures rac = racFigures(gaps);
    AfterReport.register(gr, g -> {
      SequenceGapsReport.write(g.folder(), gaps, latencies, rac, recorded.perSecond());
      NightlyPages.afterReport(checks, g.folder(), out);
    }, exit);
    return rec;
  }

  private NightlyOutcome nightly(GatlingRun gr, Reconciliation rec, GapAnalysisResult gaps, InsertLatencyUs latency,
      PrintStream out) {
    List<TestResult> tests = new ArrayList<>();
    for (TestSpec t : settings.plan().tests()) {
      tests.add(SeqOrderNightly.of(t, rec, gaps.tests().stream().filter(f -> f.testName().equals(t.name())).findFirst(),
          latency));
    }
    Target first = resolved.values().iterator().next();
    RunIdentity id = new RunIdentity("SeqOrderSimulation", runId, settings.plan().source(),
        RunIdentity.planHash(nightly.seqOrderPlan(), ""), RunIdentity.targetLabel(first),
        RunIdentity.serverVersion(resultsPool()), RunIdentity.sourceCommit());
    return Nightly.finish(nightly, id, tests, gr.folder(), note -> out.println("sequela: " + note));
  }

  /**
   * The wait deltas of every stage that ran (the last one ends here, after Gatling's load), per test and mode, and
   * the instance check: where each node's rows were inserted (DB_INSTANCE), for every node whose rows carry one.
   */
  private RacFigures racFigures(GapAnalysisResult gaps) {
    List<RacFigures.NodeRouting> routing = new ArrayList<>();
    gaps.tests().forEach(t -> t.modes().values().forEach(m -> m.sessions().forEach((node, s) -> {
      if (!s.instances().isEmpty()) {
        routing.add(RacFigures.NodeRouting.of(t.testName(), m.mode().name(), node, s.instances()));
      }
    })));
    if (waits.isEmpty()) {
      return routing.isEmpty() ? RacFigures.NONE : new RacFigures(Map.of(), routing);
    }
    waits.get().stageEnds(stages.size() - 1);
    Map<String, Map<String, InstanceWaits>> byTest = new LinkedHashMap<>();
    for (Stage s : stages) {
      waits.get().result(s.index()).ifPresent(w ->
          byTest.computeIfAbsent(s.test().name(), t -> new LinkedHashMap<>()).put(s.mode().name(), w));
    }
    return new RacFigures(byTest, routing);
  }

  private Reconciliation reconcile(GatlingRun gr) {
    Map<String, GatlingRun.Outcomes> outcomes = gr.outcomesByRequest();
    Map<String, Long> rows = Reconciliation.rowCounts(resultsPool(), runId);
    Reconciliation.Builder b = new Reconciliation.Builder();
    for (Stage s : stages) {
      for (ScenarioSpec n : s.test().scenarii()) {
        GatlingRun.Outcomes o = outcomes.getOrDefault(s.requestName(n), new GatlingRun.Outcomes(0, 0));
        long r = rows.getOrDefault(Reconciliation.key(s.test().name(), s.mode().name(), n.nodeNumber()), 0L);
        b.add(new Reconciliation.Line(s.test().name(), s.mode().name(), n.nodeNumber(), n.plannedInserts(), o.ok(), o.ko(), r));
      }
    }
    return b.build();
  }

  /** This run's Gatling run folder: the newest one, created after this run started. */
  public GatlingRun runFolder() {
    return GatlingRun.latestSince(settings.resultsDir(), "SeqOrderSimulation", startedAtMs)
        .orElseThrow(() -> new SequelaException("no Gatling run folder of this run under " + settings.resultsDir()));
  }

  /** Closes the workers and pools, and stops the local Galera cluster if this run started one. */
  @Override
  public void close() {
    if (insertLatencies != null) {
      insertLatencies.close();
    }
    workers.forEach(JdbcWorkers::close);
    admin.values().forEach(HikariDataSource::close);
    GaleraCluster.stopIfStarted();
  }
}

package io.sequela.querybench;

import io.sequela.run.AfterReport;
import io.sequela.run.ExitCodes;
import io.sequela.run.InterruptibleLoad;
import io.sequela.run.Interruption;
import io.sequela.run.RunId;
import io.sequela.run.NightlyPages;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sequela.SequelaException;
import io.sequela.stats.QueryRecorder;
import io.sequela.stats.QuerySample;
import io.sequela.stats.QueryStats;
import io.sequela.config.NightlySettings;
import io.sequela.config.QueryBenchSettings;
import io.sequela.db.CpuUsageQuery;
import io.sequela.db.Pools;
import io.sequela.db.Target;
import io.sequela.db.TimingDataSource;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.record.RequestRecord;
import io.sequela.run.ThisRun;
import io.sequela.nightly.Nightly;
import io.sequela.nightly.NightlyOutcome;
import io.sequela.nightly.QueryBenchNightly;
import io.sequela.nightly.RunIdentity;
import io.sequela.report.QueryStatsReport;
import io.sequela.load.JdbcWorkers;
import io.sequela.load.Work;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Everything QueryBenchSimulation does besides driving Gatling: settings, the query CSV and its split over
 * the workers (the {@link io.sequela.querybench.Assignment} chosen by {@code sequela.querybench.assignment}),
 * the cpu_usage data, the queries (lean workers, or the timed pool of the JDBC plugin; both count failed
 * queries), and the statistics at the end. Gatling-free.
 */
public final class QueryBenchRun implements AutoCloseable {

  /** Pool name of the workers' connections (logs, PostgreSQL's application_name). */
  private static final String POOL = "querybench";

  private final QueryBenchSettings settings;
  private final NightlySettings nightly;
  private final WorkerQueues queues;
  private final Target target;
  private final CpuUsageQuery query;
  private final QueryRecorder recorder = new QueryRecorder();
  private final LongAdder errors = new LongAdder();
  private final ThisRun thisRun;
  private JdbcWorkers workers;
  private final String runId = RunId.next();
  private final InterruptibleLoad load = new InterruptibleLoad();

  private QueryBenchRun(QueryBenchSettings settings, NightlySettings nightly, WorkerQueues queues, Target target,
      CpuUsageQuery query) {
    this.settings = settings;
    this.nightly = nightly;
    this.queues = queues;
    this.target = target;
    this.query = query;
    this.thisRun = ThisRun.start(settings.resultsDir(), "QueryBenchSimulation", runId);
  }

  /** The run record every request of this run goes to ({@code simulations/LeanJdbc} writes it). */
  public RequestRecord record() {
    return thisRun.record();
  }

  /**
   * Reads and checks the settings, the query CSV and the data source, then (re)creates and loads cpu_usage
   * on the target (starting the embedded PostgreSQL if needed) and picks the query's bucket function.
   *
   * @throws SequelaException.InvalidInput for a bad setting or input file (one line naming the setting, or
   *     the file, line and column), before any database work
   * @throws SequelaException.DatabaseFailure when the database cannot be reached or refuses the load
   */
  public static QueryBenchRun prepare() {
    QueryBenchSettings settings = QueryBenchSettings.load();
    Assignment assignment;
    try {
      assignment = Assignment.parse(settings.assignment());
    } catch (IllegalArgumentException e) {
      throw new SequelaException.InvalidInput("sequela.querybench.assignment: " + e.getMessage());
    }
    NightlySettings nightly = NightlySettings.load();
    List<QueryParams> queries = settings.queries() == null
        ? QueryParamsCsv.readResource(QueryBenchSettings.DEFAULT_QUERIES) : QueryParamsCsv.read(settings.queries());
    CpuUsageSource source = dataSource(settings);
    Target target;
    try {
      target = Target.parse(settings.target(), settings.user(), settings.password());
      target.dialect();
    } catch (SequelaException.InvalidInput | SequelaException.UnsupportedDialect e) {
      throw new SequelaException.InvalidInput("sequela.querybench.target: " + e.getMessage());
    }
    Target resolved = target.resolve();
    WorkerQueues queues = WorkerQueues.split(queries, settings.workers(), assignment);
    return new QueryBenchRun(settings, nightly, queues, resolved, load(resolved, source));
  }

  private static CpuUsageSource dataSource(QueryBenchSettings settings) {
    if (settings.data() == null) {
      return ModelCpuUsage.benchmarkDefault();
    }
    CpuUsageCsv csv = new CpuUsageCsv(settings.data());
    csv.validateHeader();
    return csv;
  }

  private static CpuUsageQuery load(Target target, CpuUsageSource source) {
    try (HikariDataSource ds = Pools.open(target, POOL + "-load", 1); Connection c = ds.getConnection()) {
      CpuUsageTable.recreate(c, target.dialect(), source);
      return CpuUsageQuery.detect(c);
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("loading cpu_usage failed: " + e.getMessage(), e);
    }
  }

  /** The validated settings. */
  public QueryBenchSettings settings() {
    return settings;
  }

  /** Each worker's queue of queries in file order, and its hosts. */
  public WorkerQueues queues() {
    return queues;
  }

  /** The query, with time_bucket when TimescaleDB is installed, else date_trunc. */
  public CpuUsageQuery query() {
    return query;
  }

  /**
   * The lean workers: one per Gatling virtual user, each holding one connection of the {@code querybench}
   * pool; opened on the first call, the same afterwards. Closed by {@link #close()}.
   *
   * @param clockMs the clock response times are given on (Gatling's), ms
   * @throws SequelaException.DatabaseFailure when the database cannot be reached
   */
  public synchronized JdbcWorkers workers(LongSupplier clockMs) {
    if (workers == null) {
      workers = JdbcWorkers.open(Pools.open(target, POOL, settings.workers()), POOL, settings.workers(), clockMs);
    }
    return workers;
  }

  /**
   * One query for the lean workers: binds host, start and end, reads and counts every row, and records
   * its ns time and rows into this run's samples when it succeeds, else counts it as failed.
   *
   * @param worker the worker (1..N) whose queue holds {@code q}
   */
  public Work query(int worker, QueryParams q) {
    return Work.query(query.jdbcSql(), ps -> {
      ps.setString(1, q.hostname());
      ps.setObject(2, q.start());
      ps.setObject(3, q.end());
    }).observedBy(o -> {
      if (o.ok()) {
        recorder.record(new QuerySample(worker, q.hostname(), o.startNanos(), o.durationNanos(), o.rows()));
      } else {
        errors.increment();
      }
    });
  }

  /**
   * The workers' pool configuration, one connection per worker, for the JDBC plugin: its connections time
   * every benchmark query ({@link TimingDataSource}) into this run's samples and count the ones that fail.
   */
  public HikariConfig poolConfig() {
    return TimingDataSource.poolConfig(target, POOL, settings.workers(), CpuUsageQuery.MARKER,
        new TimingDataSource.Listener() {
          @Override
          public void onQuery(String host, long start, long nanos, long rows) {
            recorder.record(new QuerySample(queues.workerFor(host), host, start, nanos, rows));
          }

          @Override
          public void onError(String host, Throwable error) {
            errors.increment();
          }
        });
  }

  /**
   * From now on Ctrl-C, SIGTERM or the parent process gone ({@link Interruption}) stops the queries and the run ends
   * with what ran ({@link #finish}); Gatling's {@code before()}.
   */
  public void start() {
    load.start();
  }

  /** How to stop the load generator (Gatling's own stop of its injector), run once when the run is interrupted. */
  public void stopLoadWith(Runnable stop) {
    load.stopWith(stop);
  }

  /** Benchmark queries that failed so far (the run goes on: a failure is counted, not fatal). */
  public long errors() {
    return errors.sum();
  }

  /**
   * Ends the run, in {@code Simulation.after()}: prints the statistics, runs the nightly checks
   * ({@code sequela.querybench.assertions}, the regression gate, one history row, sequela-assertions.xml) and
   * registers the {@link AfterReport} hook that adds query-stats.html|json and trends.html to this run's report;
   * the JVM then exits with {@link ExitCodes#CHECK_FAILED} when a check failed. An interrupted run does the same for the
   * queries that ran: history status interrupted, exit {@link ExitCodes#INTERRUPTED}.
   *
   * @param out where the table goes (the console)
   * @return the statistics, empty when no query was timed
   */
  public Optional<QueryStats> finish(PrintStream out) {
    String interrupted = load.end();
    List<QuerySample> samples = recorder.samples();
    Optional<QueryStats> stats = samples.isEmpty() ? Optional.empty()
        : Optional.of(QueryStats.of(samples, queues.hosts(), queues.assignment().id(), errors()));
    stats.ifPresentOrElse(s -> out.print(QueryStatsReport.consoleTable(s)),
        () -> out.println("querybench: no query was timed (" + errors() + " failed)"));
    Optional<GatlingRun> run;
    try {
      thisRun.finish();
      run = Optional.of(thisRun.folder());
    } catch (SequelaException e) {
      out.println("querybench: " + e.getMessage());
      return stats;
    }
    NightlyOutcome checks = nightly(run.get(), stats, out, interrupted != null);
    String stopped = interrupted == null ? null : interrupted + " after " + (stats.map(QueryStats::queries).orElse(0L)
        + errors()) + " of " + planned() + " planned queries: the figures are those of the queries that ran";
    int exit = stopped == null ? checks.exitCode() : ExitCodes.INTERRUPTED;
    if (stopped != null) {
      out.println("querybench: " + stopped + "; history row " + checks.status() + ", exit " + exit);
    }
    AfterReport.register(run.get(), g -> {
      stats.ifPresent(s -> QueryStatsReport.write(g.folder(), s, samples, stopped));
      NightlyPages.afterReport(checks, g.folder(), out);
    }, exit);
    return stats;
  }

  /** The queries of the query file, every worker's queue together. */
  private long planned() {
    return queues.queues().values().stream().mapToLong(List::size).sum();
  }

  private NightlyOutcome nightly(GatlingRun run, Optional<QueryStats> stats, PrintStream out, boolean interrupted) {
    String version;
    try (HikariDataSource ds = Pools.open(target, POOL + "-version", 1)) {
      version = RunIdentity.serverVersion(ds);
    } catch (RuntimeException e) {
      version = "unknown";
    }
    String queries = settings.queries() == null ? QueryBenchSettings.DEFAULT_QUERIES : settings.queries().toString();
    RunIdentity id = new RunIdentity("QueryBenchSimulation", runId, Path.of(queries).getFileName().toString(),
        RunIdentity.planHash(queries, "workers=" + settings.workers() + " data=" + settings.data() + " assignment="
            + queues.assignment().id()), RunIdentity.targetLabel(target), version, RunIdentity.sourceCommit(), "");
    NightlyOutcome o = Nightly.finish(nightly, id, List.of(QueryBenchNightly.of(nightly.queryBenchLimits(), stats, errors(),
        planned())), run.folder(), note -> out.println("sequela: " + note), interrupted);
    out.print(o.checks().summary());
    return o;
  }

  /** Closes the lean workers, if opened. */
  @Override
  public synchronized void close() {
    thisRun.record().close();
    if (workers != null) {
      workers.close();
    }
  }
}

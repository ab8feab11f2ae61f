import static io.gatling.javaapi.core.CoreDsl.*;
import static org.galaxio.gatling.javaapi.JdbcDsl.*;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.sequela.SequelaException;
import io.sequela.analysis.QueryRecorder;
import io.sequela.analysis.QuerySample;
import io.sequela.analysis.QueryStats;
import io.sequela.config.QueryBenchSettings;
import io.sequela.db.CpuUsageQuery;
import io.sequela.db.Pools;
import io.sequela.db.Target;
import io.sequela.db.TimingDataSource;
import io.sequela.dispatch.QueryParams;
import io.sequela.dispatch.QueryParamsCsv;
import io.sequela.dispatch.RendezvousHash;
import io.sequela.dispatch.WorkerQueues;
import io.sequela.populate.CpuUsageCsv;
import io.sequela.populate.CpuUsageSource;
import io.sequela.populate.CpuUsageTable;
import io.sequela.populate.ModelCpuUsage;
import io.sequela.report.GatlingRun;
import io.sequela.report.QueryStatsReport;
import io.sequela.simulation.AfterReport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The query benchmark: one query per CSV line against cpu_usage, each worker one virtual user running
 * the queue of its hosts (rendezvous hashing) in file order, workers concurrent. Queries run through the
 * JDBC plugin; a TimingDataSource times each one in ns and counts its rows for query-stats.json|html.
 *
 * <p>{@code mvn gatling:test -Dgatling.simulationClass=QueryBenchSimulation [-Dsequela.querybench.workers=N]
 * [-Dsequela.querybench.queries=<csv>] [-Dsequela.querybench.data=<cpu_usage.csv>]}
 */
public class QueryBenchSimulation extends Simulation {

  private final QueryRecorder recorder = new QueryRecorder();
  private final long startedAtMs = System.currentTimeMillis();
  private final WorkerQueues queues;

  public QueryBenchSimulation() {
    QueryBenchSettings settings;
    try {
      settings = QueryBenchSettings.load();
      queues = prepare(settings);
    } catch (SequelaException.InvalidInput | SequelaException.DatabaseFailure e) {
      // a user's mistake or an unreachable database: one line, no stack trace, nothing runs
      System.err.println("querybench: " + e.getMessage());
      System.exit(1);
      throw e;
    }
  }

  private WorkerQueues prepare(QueryBenchSettings settings) {
    System.out.println("querybench: " + settings);
    List<QueryParams> queries = settings.queries() == null
        ? QueryParamsCsv.readResource(QueryBenchSettings.DEFAULT_QUERIES) : QueryParamsCsv.read(settings.queries());
    CpuUsageSource source = dataSource(settings.data());
    WorkerQueues queues = WorkerQueues.split(queries, settings.workers());
    Target target = Target.parse(settings.target(), settings.user(), settings.password()).resolve();
    CpuUsageQuery query = loadData(target, source);

    RendezvousHash hash = new RendezvousHash(settings.workers());
    HikariConfig pool = TimingDataSource.poolConfig(target, "querybench", settings.workers(), CpuUsageQuery.MARKER,
        (host, start, nanos, rows) -> recorder.record(new QuerySample(hash.workerFor(host), host, start, nanos, rows)));
    Iterator<Map<String, Object>> workerIds = IntStream.rangeClosed(1, settings.workers())
        .mapToObj(w -> Map.<String, Object>of("worker", w)).iterator();

    ScenarioBuilder worker = scenario("querybench worker")
        .feed(workerIds)
        .foreach(session -> queues.queue(session.getInt("worker")), "q").on(
            exec(session -> {
              QueryParams q = session.get("q");
              return session.set("host", q.hostname())
                  .set("start_time", CpuUsageQuery.timestampText(q.start()))
                  .set("end_time", CpuUsageQuery.timestampText(q.end()));
            }),
            exec(jdbc("cpu_usage max/min per minute").queryP(query.namedSql())
                .params(Map.of("host", "#{host}", "start_time", "#{start_time}", "end_time", "#{end_time}"))));
    setUp(worker.injectOpen(atOnceUsers(settings.workers()))).protocols(DB().hikariConfig(pool));
    return queues;
  }

  private static CpuUsageSource dataSource(Path data) {
    if (data == null) {
      return ModelCpuUsage.benchmarkDefault();
    }
    CpuUsageCsv csv = new CpuUsageCsv(data);
    csv.validateHeader();
    return csv;
  }

  private static CpuUsageQuery loadData(Target target, CpuUsageSource source) {
    try (HikariDataSource ds = Pools.open(target, "querybench-load", 1); Connection c = ds.getConnection()) {
      CpuUsageTable.recreate(c, source);
      return CpuUsageQuery.detect(c);
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("loading cpu_usage failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void after() {
    List<QuerySample> samples = recorder.samples();
    if (samples.isEmpty()) {
      System.out.println("querybench: no query was timed");
      return;
    }
    QueryStats stats = QueryStats.of(samples, queues.hosts());
    System.out.print(QueryStatsReport.consoleTable(stats));
    Path results = Path.of(System.getProperty("sequela.results.dir", "target/gatling"));
    GatlingRun.latestSince(results, "QueryBenchSimulation", startedAtMs).ifPresentOrElse(
        run -> AfterReport.register(run, g -> QueryStatsReport.write(g.folder(), stats, samples), 0),
        () -> System.out.println("querybench: no run folder of this run under " + results));
  }
}

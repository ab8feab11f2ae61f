import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.sequela.db.CpuUsageQuery;
import io.sequela.querybench.QueryParams;
import io.sequela.querybench.QueryBenchRun;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The query benchmark: one query per CSV line against cpu_usage, each worker one virtual user running
 * the queue of its hosts (sequela.querybench.assignment) in file order, workers concurrent. Queries run through
 * {@link LeanJdbc}, timed in ns around execute and reading the rows, one timing for Gatling's report and
 * query-stats.json|html. With -Pjdbc-plugin -Dsequela.request-path=plugin they run through the JDBC plugin instead, and the
 * pool's TimingDataSource times them for query-stats. Thin: the logic is in io.sequela.querybench.QueryBenchRun.
 *
 * <p>{@code mvn gatling:test -Dgatling.simulationClass=QueryBenchSimulation [-Dsequela.querybench.workers=N]
 * [-Dsequela.querybench.queries=<csv>] [-Dsequela.querybench.data=<cpu_usage.csv>]}
 */
public class QueryBenchSimulation extends Simulation {

  private static final String REQUEST = "cpu_usage max/min per minute";

  // before any database work: -Dsequela.request-path=plugin on a build without the plugin is one line
  private final PluginRequests plugin = SimulationExit.orExit(PluginRequests::ifAsked);
  private final QueryBenchRun run = SimulationExit.orExit(QueryBenchRun::prepare);
  private final GatlingStop stop = new GatlingStop(run::stopLoadWith);

  {
    int workers = run.settings().workers();
    System.out.println("querybench: " + run.settings());
    Iterator<Map<String, Object>> workerIds = IntStream.rangeClosed(1, workers)
        .mapToObj(w -> Map.<String, Object>of("worker", w)).iterator();
    ScenarioBuilder worker = scenario("querybench worker")
        .feed(workerIds)
        .foreach(session -> run.queues().queue(session.getInt("worker")), "q")
        .on(stop.check().exec(plugin != null ? pluginQuery() : leanQuery()));
    setUp(plugin != null ? plugin.withPool(worker.injectOpen(atOnceUsers(workers)), run.poolConfig())
        : worker.injectOpen(atOnceUsers(workers)));
  }

  private ChainBuilder leanQuery() {
    return exec(new LeanJdbc(run.record(), REQUEST, run::workers, session -> run.query(session.getInt("worker"), session.get("q"))));
  }

  private ChainBuilder pluginQuery() {
    return exec(session -> {
          QueryParams q = session.get("q");
          return session.set("host", q.hostname())
              .set("start_time", CpuUsageQuery.timestampText(q.start()))
              .set("end_time", CpuUsageQuery.timestampText(q.end()));
        })
        .exec(plugin.query(REQUEST, run.query().namedSql(),
            Map.of("host", "#{host}", "start_time", "#{start_time}", "end_time", "#{end_time}")));
  }

  @Override
  public void before() {
    run.start();
  }

  @Override
  public void after() {
    SimulationExit.orExit(() -> run.finish(System.out));
    run.close();
  }
}

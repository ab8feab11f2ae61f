import static io.gatling.javaapi.core.CoreDsl.*;
import static org.galaxio.gatling.javaapi.JdbcDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.sequela.db.CpuUsageQuery;
import io.sequela.dispatch.QueryParams;
import io.sequela.simulation.QueryBenchRun;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The query benchmark: one query per CSV line against cpu_usage, each worker one virtual user running
 * the queue of its hosts (rendezvous hashing) in file order, workers concurrent. Queries run through the
 * JDBC plugin; the pool's TimingDataSource times each one in ns and counts its rows for
 * query-stats.json|html. Thin: the logic is in io.sequela.simulation.QueryBenchRun.
 *
 * <p>{@code mvn gatling:test -Dgatling.simulationClass=QueryBenchSimulation [-Dsequela.querybench.workers=N]
 * [-Dsequela.querybench.queries=<csv>] [-Dsequela.querybench.data=<cpu_usage.csv>]}
 */
public class QueryBenchSimulation extends Simulation {

  private final QueryBenchRun run = SimulationExit.orExit(QueryBenchRun::prepare);

  {
    int workers = run.settings().workers();
    System.out.println("querybench: " + run.settings());
    Iterator<Map<String, Object>> workerIds = IntStream.rangeClosed(1, workers)
        .mapToObj(w -> Map.<String, Object>of("worker", w)).iterator();
    ScenarioBuilder worker = scenario("querybench worker")
        .feed(workerIds)
        .foreach(session -> run.queues().queue(session.getInt("worker")), "q").on(
            exec(session -> {
              QueryParams q = session.get("q");
              return session.set("host", q.hostname())
                  .set("start_time", CpuUsageQuery.timestampText(q.start()))
                  .set("end_time", CpuUsageQuery.timestampText(q.end()));
            }),
            exec(jdbc("cpu_usage max/min per minute").queryP(run.query().namedSql())
                .params(Map.of("host", "#{host}", "start_time", "#{start_time}", "end_time", "#{end_time}"))));
    setUp(worker.injectOpen(atOnceUsers(workers))).protocols(DB().hikariConfig(run.poolConfig()));
  }

  @Override
  public void after() {
    SimulationExit.orExit(() -> run.finish(System.out));
  }
}

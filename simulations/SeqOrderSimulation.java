import static io.gatling.javaapi.core.CoreDsl.*;
import static org.galaxio.gatling.javaapi.JdbcDsl.*;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.sequela.config.Driver;
import io.sequela.config.Limit;
import io.sequela.config.Pacing;
import io.sequela.config.ScenarioSpec;
import io.sequela.simulation.SeqOrderRun;
import io.sequela.simulation.Stage;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sequela test plan as a Gatling simulation: every test once per sequence mode (ORDER, then NOORDER),
 * each node's users inserting into JOB_EXECUTION through their node's own pool ({@link LeanJdbc}, or the JDBC
 * plugin with -Dsequela.driver=plugin). Plan and target come from -Dsequela.plan and -Dsequela.target (see
 * README.md). Thin: the logic is in io.sequela.simulation.
 */
public class SeqOrderSimulation extends Simulation {

  private final SeqOrderRun run = SimulationExit.orExit(SeqOrderRun::prepare);

  {
    List<PopulationBuilder> populations = new ArrayList<>();
    List<Assertion> koMax = new ArrayList<>();
    for (Stage stage : run.stages()) {
      for (ScenarioSpec node : stage.test().scenarii()) {
        PopulationBuilder p = scenario(stage.requestName(node))
            .exec(Gated.stage(run.gate(), stage.index(), stage.mode().name(), repeat(node.iterations()).on(paced(stage, node))))
            .injectOpen(atOnceUsers(node.users()));
        populations.add(plugin() ? p.protocols(DB().hikariConfig(run.poolConfig(stage, node))) : p);
        // ko_max per test x mode is sequela's check (sequela-assertions.xml); per request it is also Gatling's
        stage.test().assertions().get(Limit.KO_MAX).ifPresent(max -> koMax.add(
            details(stage.mode().name(), stage.requestName(node)).failedRequests().count().lte((long) max)));
      }
    }
    setUp(populations).maxDuration(run.maxDuration()).assertions(koMax);
  }

  private boolean plugin() {
    return run.settings().driver() == Driver.PLUGIN;
  }

  private ChainBuilder paced(Stage stage, ScenarioSpec node) {
    ChainBuilder insert = plugin() ? pluginInsert(stage, node)
        : exec(new LeanJdbc(stage.requestName(node), clock -> run.insertWorkers(stage, node, clock), run.insert(stage, node)));
    if (node.interval().isZero()) {
      return insert;
    }
    return stage.test().pacing() == Pacing.RATE
        ? pace(node.interval()).exec(insert)
        : insert.pause(node.interval());
  }

  /** The plugin's insert: typed values go through the session (the plugin binds static values as strings). */
  private ChainBuilder pluginInsert(Stage stage, ScenarioSpec node) {
    return exec(session -> session.set("py_date", LocalDateTime.now()).set("node", node.nodeNumber())
            .set("test_name", stage.test().name()).set("run_id", run.runId()).set("seq_mode", stage.mode().name()))
        .exec(jdbc(stage.requestName(node))
            .insertInto("job_execution", "py_date", "node", "test_name", "run_id", "seq_mode")
            .values(Map.of("py_date", "#{py_date}", "node", "#{node}", "test_name", "#{test_name}",
                "run_id", "#{run_id}", "seq_mode", "#{seq_mode}")));
  }

  @Override
  public void before() {
    Gated.start(run.gate());
  }

  @Override
  public void after() {
    SimulationExit.orExit(() -> run.finish(System.out));
    run.close();
  }
}

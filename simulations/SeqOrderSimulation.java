import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.sequela.config.Pacing;
import io.sequela.config.ScenarioSpec;
import io.sequela.simulation.SeqOrderRun;
import io.sequela.simulation.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * The sequela test plan as a Gatling simulation: every test once per sequence mode (ORDER, then NOORDER),
 * each node's users inserting into JOB_EXECUTION through their node's own pool ({@link LeanInsert}). Plan and target come from
 * -Dsequela.plan and -Dsequela.target (see README.md). Thin: the logic is in io.sequela.simulation.
 */
public class SeqOrderSimulation extends Simulation {

  private final SeqOrderRun run = SimulationExit.orExit(SeqOrderRun::prepare);

  {
    List<PopulationBuilder> populations = new ArrayList<>();
    for (Stage stage : run.stages()) {
      for (ScenarioSpec node : stage.test().scenarii()) {
        populations.add(scenario(stage.requestName(node))
            .exec(Gated.stage(run.gate(), stage.index(), stage.mode().name(), repeat(node.iterations()).on(paced(stage, node))))
            .injectOpen(atOnceUsers(node.users())));
      }
    }
    setUp(populations).maxDuration(run.maxDuration());
  }

  private ChainBuilder paced(Stage stage, ScenarioSpec node) {
    ChainBuilder insert = exec(new LeanInsert(stage.requestName(node), clock -> run.insertWorkers(stage, node, clock)));
    if (node.interval().isZero()) {
      return insert;
    }
    return stage.test().pacing() == Pacing.RATE
        ? pace(node.interval()).exec(insert)
        : insert.pause(node.interval());
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

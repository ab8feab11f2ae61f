import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.sequela.config.CommitPolicy;
import io.sequela.config.Limit;
import io.sequela.config.Pacing;
import io.sequela.config.ScenarioSpec;
import io.sequela.seqorder.LoopLimit;
import io.sequela.seqorder.SeqOrderRun;
import io.sequela.seqorder.Stage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sequela test plan as a Gatling simulation: per test, every mode's untimed warm-up (users insert until the
 * warm-up rule says done), then the measured blocks of the modes in their balanced order (ABBA BAAB; each block a
 * share of every user's iterations; docs/experiment-design.md),
 * each node's users inserting into JOB_EXECUTION through their node's own pool ({@link LeanJdbc}, or the JDBC
 * plugin with -Pjdbc-plugin -Dsequela.request-path=plugin, {@link PluginRequests}). Plan and target come from -Dsequela.plan and -Dsequela.target (see
 * README.md). Thin: the logic is in io.sequela.seqorder.
 *
 * <p>Stages are Gatling's sequential populations ({@code andThen}): a stage's users start once every user of
 * the previous stage has ended, so Gatling's Active Users chart and simulation.log show the stages one after
 * another. The last user of a stage finishes it (its pools close) and opens the next (mode switch, its
 * read-back, the next stage's pools) before it ends; when the next stage cannot open, that user waits for the
 * stop instead, so the next stage's users never start.
 */
public class SeqOrderSimulation extends Simulation {

  private static final Duration STOPPED_POLL = Duration.ofMillis(200);

  // before any database work: -Dsequela.request-path=plugin on a build without the plugin is one line
  private final PluginRequests plugin = SimulationExit.orExit(PluginRequests::ifAsked);
  private final SeqOrderRun run = SimulationExit.orExit(SeqOrderRun::prepare);
  private final GatlingStop stop = new GatlingStop(run::stopLoadWith);

  {
    List<Assertion> koMax = new ArrayList<>();
    java.util.Set<String> koMaxRequests = new java.util.HashSet<>();
    // an empty root whose sequences of children are the stages, each blocked until the previous one ends
    PopulationBuilder root = scenario("sequela stages").exec(session -> session).injectOpen(atOnceUsers(0));
    for (Stage stage : run.stages()) {
      List<PopulationBuilder> populations = new ArrayList<>();
      for (ScenarioSpec node : stage.test().scenarii()) {
        int k = stage.index();
        boolean warmup = stage.warmup();
        int iterations = stage.iterations(node);
        // one loop and one condition for warm-ups and blocks alike ("i" counting from 0 against the stage's LoopLimit:
        // a block's iterations, a warm-up's ended by its rule): a condition that branched on warm-up or block, or a
        // block that looped otherwise, had the JIT compile the users' loop again at the first block's start. The
        // plugin's inserts never settle through sequela, so its warm-up polls the rule instead.
        LoopLimit limit = run.loopLimit(stage, node);
        ChainBuilder load = (plugin == null
            ? asLongAs(session -> session.getInt("i") < limit.get(), "i")
            : asLongAs(session -> warmup ? !run.warmupDone(k) : session.getInt("i") < iterations, "i"))
            .on(stop.check().exec(paced(stage, node)));
        PopulationBuilder p = scenario(stage.scenarioName(node))
            .group(stage.mode().name()).on(load)
            .exec(session -> {
              run.sequence().userDone(k);
              return session;
            })
            .asLongAs(session -> run.sequence().isStopped()).on(stop.check().pause(STOPPED_POLL))
            .injectOpen(atOnceUsers(node.users()));
        populations.add(plugin != null ? plugin.withPool(p, run.poolConfig(stage, node)) : p);
        // ko_max per test x mode is sequela's check (sequela-assertions.xml); per request it is also Gatling's
        if (!stage.warmup() && koMaxRequests.add(stage.requestName(node))) {
          stage.test().assertions().get(Limit.KO_MAX).ifPresent(max -> koMax.add(
              details(stage.mode().name(), stage.requestName(node)).failedRequests().count().lte((long) max)));
        }
      }
      if (!populations.isEmpty()) {
        // a stage this injector drives no user of opens and finishes inside the previous stage's last user
        root = root.andThen(populations);
      }
    }
    setUp(root).maxDuration(run.maxDuration()).assertions(koMax);
  }

  private ChainBuilder paced(Stage stage, ScenarioSpec node) {
    ChainBuilder insert = plugin != null ? pluginInsert(stage, node) : leanInsert(stage, node);
    if (node.interval().isZero()) {
      return insert;
    }
    return stage.test().pacing() == Pacing.RATE
        ? pace(node.interval()).exec(insert)
        : insert.pause(node.interval());
  }

  /** The lean insert, then, under a commit policy other than each, the commit when the policy says. */
  private ChainBuilder leanInsert(Stage stage, ScenarioSpec node) {
    ChainBuilder insert = exec(new LeanJdbc(run.record(), stage.requestName(node), clock -> run.insertWorkers(stage, node, clock),
        run.insert(stage, node)));
    CommitPolicy commit = stage.test().commit();
    if (commit.autocommit() || stage.warmup()) {
      return insert;
    }
    int total = stage.iterations(node);
    return insert.doIf(session -> commit.commitsAfter(session.getInt("i"), total))
        .then(exec(new LeanJdbc(run.record(), stage.commitRequestName(node), clock -> run.insertWorkers(stage, node, clock),
            run.commit(stage, node))));
  }

  /** The plugin's insert: typed values go through the session (the plugin binds static values as strings). */
  private ChainBuilder pluginInsert(Stage stage, ScenarioSpec node) {
    return exec(session -> session.set("py_date", LocalDateTime.now()).set("node", node.nodeNumber())
            .set("test_name", stage.test().name()).set("run_id", run.runId()).set("seq_mode", stage.mode().name())
            .set("block_no", stage.blockNo()))
        .exec(plugin.insert(stage.requestName(node), "job_execution",
            List.of("py_date", "node", "test_name", "run_id", "seq_mode", "block_no"),
            Map.of("py_date", "#{py_date}", "node", "#{node}", "test_name", "#{test_name}",
                "run_id", "#{run_id}", "seq_mode", "#{seq_mode}", "block_no", "#{block_no}")));
  }

  @Override
  public void before() {
    SimulationExit.orExit(() -> {
      run.start();
      return null;
    });
  }

  @Override
  public void after() {
    if (plugin != null) {
      // the plugin's outcomes reach sequela only through Gatling 3.11's text log: into the run record first
      SimulationExit.orExit(() -> {
        plugin.recordFromTextLog(run.runFolder().simulationLog(), run.record());
        return null;
      });
    }
    SimulationExit.orExit(() -> run.finish(System.out));
    run.close();
  }
}

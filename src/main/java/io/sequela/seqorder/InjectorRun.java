package io.sequela.seqorder;

import io.sequela.config.StageNode;
import io.sequela.run.AfterReport;

import io.sequela.config.Injector;
import io.sequela.injectors.InjectorShares;
import io.sequela.injectors.StageBarrier;
import io.sequela.config.Plan;
import io.sequela.config.ScenarioSpec;
import io.sequela.config.TestSpec;
import io.sequela.config.SequenceMode;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.record.RequestRecords;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The several-injector side of a SeqOrder run ({@code -Dsequela.injector=<i>/<n>}, n &gt; 1): the stage barrier
 * around the mode switch, this injector's share recorded in SEQUELA_SHARE ({@link InjectorShares}) once the first
 * stage opens, and the end of its part (its own counts, the run folder renamed with its number). The whole run is reconciled and analysed by the merge
 * ({@link SeqOrderMerge}), once every injector has finished.
 */
final class InjectorRun {

  private static final Logger LOG = LoggerFactory.getLogger(InjectorRun.class);
  private static final Duration POLL = Duration.ofMillis(100);

  private final Injector injector;
  private final String runId;
  private final List<Stage> stages;
  private final List<InjectorShares.Share> shares;
  private final DataSource db;
  private final StageBarrier barrier;

  /**
   * @param plan the whole plan
   * @param db the database every injector reaches (for SEQUELA_STAGE and SEQUELA_SHARE)
   * @param stages this injector's stages: every stage of the run, each with this injector's share of its test
   * @param timeout how long to wait at a barrier for the others
   */
  InjectorRun(Injector injector, String runId, Plan plan, List<Stage> stages, DataSource db, Duration timeout) {
    this.injector = injector;
    this.runId = runId;
    this.stages = List.copyOf(stages);
    this.shares = shares(injector, plan);
    this.db = db;
    this.barrier = new StageBarrier(db, runId, injector.number(), injector.count(),
        stages.stream().map(s -> "'" + s.test().name() + "' " + s.mode()).toList(), timeout, POLL);
  }

  /** Logs, once per test, the nodes with fewer users than injectors (driven from fewer machines) and this share. */
  static void logSpread(String runId, Plan plan, Injector injector) {
    for (TestSpec t : plan.tests()) {
      for (ScenarioSpec s : t.scenarii()) {
        if (s.users() < injector.count()) {
          LOG.info("run {}: test '{}' node {} has {} user(s), so it is driven from {} of the {} injectors", runId, t.name(),
              s.nodeNumber(), s.users(), s.users(), injector.count());
        }
      }
      List<String> mine = injector.share(t).scenarii().stream().map(s -> "node " + s.nodeNumber() + ": " + s.users()).toList();
      LOG.info("run {}: {} drives, in test '{}', {}", runId, injector, t.name(), mine.isEmpty() ? "no user" : String.join(", ", mine));
    }
  }

  /** The test x mode x node a share is of. */
  static StageNode node(InjectorShares.Share s) {
    return new StageNode(s.test(), SequenceMode.valueOf(s.mode()), s.node());
  }

  /** Per stage and node of the plan, what this injector drives (0 for a node it drives no user of). */
  private static List<InjectorShares.Share> shares(Injector injector, Plan plan) {
    List<InjectorShares.Share> out = new ArrayList<>();
    int stage = 0;
    for (TestSpec t : plan.tests()) {
      TestSpec mine = injector.share(t);
      // one share per test x mode x node, over all its blocks (their iterations add up to the node's); an A/A
      // test's mode counts twice
      for (SequenceMode mode : t.distinctModes()) {
        long times = t.modes().stream().filter(m -> m == mode).count();
        for (ScenarioSpec node : t.scenarii()) {
          long planned = mine.scenarii().stream().filter(s -> s.nodeNumber() == node.nodeNumber())
              .mapToLong(ScenarioSpec::plannedInserts).sum();
          out.add(new InjectorShares.Share(injector.number(), injector.count(), stage, t.name(), mode.name(), node.nodeNumber(),
              planned * times, node.plannedInserts() * times));
        }
        stage++;
      }
    }
    return out;
  }

  /**
   * The gate's stage preparation for this injector: the barrier around {@code switchMode} (injector 1 alone
   * switches); once the first stage is open (the schema exists), this injector's share is recorded.
   */
  IntConsumer stageStart(IntConsumer switchMode) {
    IntConsumer around = barrier.around(switchMode);
    return k -> {
      around.accept(k);
      if (k == 0) {
        InjectorShares.record(db, runId, shares);
      }
    };
  }

  /**
   * Ends this injector's part once the run is over: records that it finished the run, prints
   * its own counts and registers the rename of the run folder to {@code <simulation>-injector-<i>-<timestamp>}
   * once Gatling is done with it.
   */
  void finish(GatlingRun run, RequestRecords records, PrintStream out) {
    barrier.arrive(stages.size());
    Map<String, RequestRecords.Outcomes> outcomes = records.outcomesByRequest();
    out.println();
    out.println("sequela run " + runId + ", " + injector + ": this injector's share");
    String fmt = "%-36s %9s %9s %7s  %s%n";
    out.printf(fmt, "request", "planned", "OK", "KO", "status");
    for (InjectorShares.Share s : shares) {
      if (s.planned() > 0) {
        String request = node(s).requestName();
        RequestRecords.Outcomes o = outcomes.getOrDefault(request, new RequestRecords.Outcomes(0, 0));
        out.printf(fmt, request, s.planned(), o.ok(), o.ko(), o.ok() + o.ko() == s.planned() ? "ok" : "MISMATCH: OK + KO != planned");
      }
    }
    out.println("sequela: the whole run is reconciled and analysed by the merge, once every injector has finished:");
    out.println("sequela:   java -jar target/sequela.jar report --run-id " + runId + " <every injector's run folder>");
    AfterReport.register(run, g -> {}, 0, g -> {
      GatlingRun renamed = g.withInjectorNumber(injector.number());
      System.out.println("sequela: " + injector + " of run " + runId + " left its run folder in " + renamed.folder());
    });
  }
}

package io.sequela.seqorder;

import io.sequela.config.StageNode;
import io.sequela.run.AfterReport;
import io.sequela.run.ExitCodes;
import io.sequela.run.NightlyPages;

import io.sequela.SequelaException;
import io.sequela.design.DesignResult;
import io.sequela.config.ScenarioSpec;
import io.sequela.config.TestSpec;
import io.sequela.gaps.GapAnalysis;
import io.sequela.gaps.GapAnalysisResult;
import io.sequela.gaps.Latencies;
import io.sequela.gaps.Reconciliation;
import io.sequela.gaps.RunNotes;
import io.sequela.gaps.StageStatus;
import io.sequela.gaps.TestFigures;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.record.RequestRecords;
import io.sequela.nightly.InsertLatencyUs;
import io.sequela.nightly.Nightly;
import io.sequela.nightly.NightlyOutcome;
import io.sequela.nightly.RunIdentity;
import io.sequela.nightly.SeqOrderNightly;
import io.sequela.nightly.TestResult;
import io.sequela.report.ComparisonTable;
import io.sequela.report.RacFigures;
import io.sequela.report.ReconciliationTable;
import io.sequela.report.SequenceGapsReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The end of a SeqOrder run, in {@code Simulation.after()}, over what the run left ({@link SeqOrderResults}): the
 * OK/KO counts (and KOs per error code) of sequela's own run record (never Gatling's simulation.log) reconciled with
 * the rows in JOB_EXECUTION for the stages that ran, the gap analysis, the console tables, the nightly checks, and the
 * {@link AfterReport} hook adding sequence-gaps.html|json and trends.html. A stopped run (a stage that could not
 * open, a dead database) still gets the reconciliation and the pages for what ran, its checks and a history row with
 * status cut_short (never taken as a baseline); exit 69; when its database cannot be reached, the rows are shown as
 * unknown and the pages carry the run record's figures only.
 */
final class SeqOrderFinish {

  private SeqOrderFinish() {}

  /**
   * @param run what the run left, gathered once by {@link SeqOrderRun#finish}
   * @param db the results database (the first node's pool), read for the rows, the gap analysis and its version
   * @return the exit status the JVM gets once Gatling has written its report (see {@link SeqOrderRun#finish})
   * @throws SequelaException when a query fails on a database that answers
   */
  static int run(SeqOrderResults run, DataSource db, PrintStream out) {
    Latencies latencies = run.latencies();
    Map<String, DesignResult> designs = SeqOrderVerdicts.of(run);
    InsertLatencyUs latency = new InsertLatencyUs(latencies,
        SeqOrderVerdicts.orderCosts(designs, run.settings().plan().tests()));
    String unreachable = run.unreachable();
    Reconciliation rec = reconcile(run, db);
    List<String> tests = run.settings().plan().tests().stream().map(TestSpec::name).toList();
    GapAnalysisResult gaps = unreachable == null
        ? GapAnalysis.run(db, run.dialect(), run.runId(), tests, run.timeBasis(), run.settings().colourBySession())
        : new GapAnalysisResult(run.runId(), run.dialect().name(), run.dialect().cacheSemantics(), run.timeBasis(),
            tests.stream().map(t -> new TestFigures(t, Map.of())).toList());
    List<StageStatus> statuses = run.stages().stream().map(SeqOrderResults.StageRun::status).toList();
    RunNotes notes = new RunNotes(statuses, run.stopReason(),
        unreachable == null ? null : "no figures from the database: " + unreachable);
    out.println();
    out.println("sequela run " + run.runId() + " on " + run.dialect() + ": reconciliation");
    out.println(ReconciliationTable.render(rec));
    statuses.forEach(s -> out.println("stage " + s.test() + " " + s.label() + ": " + s.state().label()
        + (s.modeVerified() ? ", mode verified (" + s.readBack() + ")" : "") + (s.reason() == null ? "" : ": " + s.reason())));
    out.println();
    out.print(ComparisonTable.render(gaps, latencies, designs));
    RacFigures rac = unreachable == null ? racFigures(run, gaps) : RacFigures.NONE;
    GatlingRun gr = run.folder();
    if (run.stopped()) {
      // a cut-short run still leaves its history row (status cut_short, never a baseline) and its JUnit file; the
      // exit stays the stop's, whatever the checks say
      int exit = stopExit(run.stopCause());
      NightlyOutcome checks = nightly(run, db, rec, gaps, latency, out, unreachable == null);
      out.println("sequela: the run was stopped before its end (see CUT SHORT above): history row " + checks.status()
          + ", exit " + exit);
      AfterReport.register(gr, g -> {
        SequenceGapsReport.write(g.folder(), gaps, latencies, rac, run.perSecond(), notes, designs);
        NightlyPages.afterReport(checks, g.folder(), out);
      }, exit);
      return exit;
    }
    if (!rec.reconciles()) {
      out.println("sequela: reconciliation failed: OK != rows for at least one node (see the table above)");
    }
    NightlyOutcome checks = nightly(run, db, rec, gaps, latency, out, true);
    out.println();
    out.print(checks.checks().summary());
    int exit = !rec.reconciles() ? ExitCodes.RECONCILIATION_FAILED : checks.exitCode();
    AfterReport.register(gr, g -> {
      SequenceGapsReport.write(g.folder(), gaps, latencies, rac, run.perSecond(), notes, designs);
      NightlyPages.afterReport(checks, g.folder(), out);
    }, exit);
    return exit;
  }

  /**
   * 69 for a stopped run, or the kind of the stage failure that stopped it (75: an injector that did not come).
   *
   * @param cause the failure that stopped the run, or null (a stop from outside)
   */
  static int stopExit(RuntimeException cause) {
    return cause instanceof SequelaException e ? ExitCodes.of(e) : ExitCodes.DATABASE;
  }

  /**
   * One line per test x mode x node of the measured blocks that opened: planned (summed over those blocks, both
   * variants of an A/A test), OK and KO from the run record (one request name per test x mode x node; warm-ups have
   * their own, left out), the rows (warm-up rows left out).
   */
  private static Reconciliation reconcile(SeqOrderResults run, DataSource db) {
    Map<StageNode, Long> rows = run.unreachable() == null ? Reconciliation.rowCounts(db, run.runId()) : Map.of();
    Map<StageNode, Long> planned = new LinkedHashMap<>();
    for (SeqOrderResults.StageRun r : run.stages()) {
      Stage s = r.stage();
      if (s.warmup() || !r.opened()) {
        continue;
      }
      for (ScenarioSpec n : s.test().scenarii()) {
        planned.merge(s.node(n).withoutBlock(), s.plannedInserts(n), Long::sum);
      }
    }
    Reconciliation.Builder b = new Reconciliation.Builder();
    planned.forEach((k, p) -> {
      RequestRecords.Outcomes o = run.outcomes().getOrDefault(k.requestName(), new RequestRecords.Outcomes(0, 0));
      long r = run.unreachable() != null ? Reconciliation.UNKNOWN_ROWS : rows.getOrDefault(k, 0L);
      b.add(new Reconciliation.Line(k.test(), k.mode().name(), k.node(), p, o.ok(), o.ko(), r));
    });
    if (run.stopped()) {
      b.cutShort(run.stopReason());
    }
    return b.build();
  }

  /**
   * The plan's assertions, the regression gate, one history row per test and sequela-assertions.xml.
   *
   * @param reachable false when the database no longer answers: its server version is then not asked for (the pool
   *     would wait its connection timeout) and is recorded as unknown
   */
  private static NightlyOutcome nightly(SeqOrderResults run, DataSource db, Reconciliation rec, GapAnalysisResult gaps,
      InsertLatencyUs latency, PrintStream out, boolean reachable) {
    List<TestResult> tests = new ArrayList<>();
    for (TestSpec t : run.settings().plan().tests()) {
      tests.add(SeqOrderNightly.of(t, rec, gaps.tests().stream().filter(f -> f.testName().equals(t.name())).findFirst(),
          latency));
    }
    RunIdentity id = new RunIdentity("SeqOrderSimulation", run.runId(), run.settings().plan().source(),
        RunIdentity.planHash(run.nightly().seqOrderPlan(), ""), RunIdentity.targetLabel(run.resultsTarget()),
        reachable ? RunIdentity.serverVersion(db) : "unknown", RunIdentity.sourceCommit(),
        SeqOrderVerdicts.stampLine(run.settings().plan().tests()));
    return Nightly.finish(run.nightly(), id, tests, run.folder().folder(), note -> out.println("sequela: " + note),
        run.stopCause() instanceof SequelaException.Interrupted);
  }

  /**
   * The run's wait deltas per test and mode, and the instance check: where each node's rows were inserted
   * (DB_INSTANCE), for every node whose rows carry one.
   */
  private static RacFigures racFigures(SeqOrderResults run, GapAnalysisResult gaps) {
    List<RacFigures.NodeRouting> routing = new ArrayList<>();
    gaps.tests().forEach(t -> t.modes().values().forEach(m -> m.sessions().forEach((node, s) -> {
      if (!s.instances().isEmpty()) {
        routing.add(RacFigures.NodeRouting.of(t.testName(), m.mode().name(), node, s.instances()));
      }
    })));
    if (run.waits().isEmpty()) {
      return routing.isEmpty() ? RacFigures.NONE : new RacFigures(Map.of(), routing);
    }
    return new RacFigures(run.waits().get(), routing);
  }
}

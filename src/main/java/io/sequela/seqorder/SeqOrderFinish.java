package io.sequela.seqorder;

import io.sequela.config.StageNode;
import io.sequela.run.AfterReport;
import io.sequela.run.ExitCodes;
import io.sequela.run.NightlyPages;

import io.sequela.SequelaException;
import io.sequela.design.DesignResult;
import io.sequela.config.ScenarioSpec;
import io.sequela.config.TestSpec;
import io.sequela.db.InstanceWaits;
import io.sequela.db.Pools;
import io.sequela.db.Target;
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
import io.sequela.probe.WaitDeltaProbe;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end of a SeqOrder run, in {@code Simulation.after()}: the OK/KO counts (and KOs per error code) of
 * sequela's own run record ({@link RequestRecords}; never Gatling's simulation.log) reconciled with the rows in JOB_EXECUTION for the stages that ran, the gap
 * analysis, the console tables, the nightly checks, and the {@link AfterReport} hook adding sequence-gaps.html|json
 * and trends.html. A stopped run (a stage that could not open, a dead database) still gets the reconciliation and
 * the pages for what ran, its checks and a history row with status cut_short (never taken as a baseline); exit 69;
 * when its database cannot be reached, the rows are shown as unknown and the pages carry Gatling's figures only.
 */
final class SeqOrderFinish {

  private SeqOrderFinish() {}

  /**
   * @return the exit status the JVM gets once Gatling has written its report (see {@link SeqOrderRun#finish})
   * @throws SequelaException when the run folder cannot be found, or a query fails on a database that answers
   */
  static int run(SeqOrderRun run, PrintStream out) {
    // this run's folder by construction, and sequela's own record of its requests moved into it
    RequestRecords records = run.thisRun().finish();
    GatlingRun gr = run.thisRun().folder();
    StageSequence sequence = run.sequence();
    if (run.injectorRun() != null) {
      // an injector of several prints and records its own share and leaves its latency.hlog and record in its
      // folder; the merge reconciles and analyses the whole run
      run.insertLatencies().finish(gr);
      run.injectorRun().finish(gr, records, out);
      return sequence.isStopped() ? stopExit(sequence) : 0;
    }
    InsertLatencies.Recorded recorded = run.insertLatencies().finish(gr);
    Latencies latencies = recorded.latencies();
    Map<String, DesignResult> designs = SeqOrderVerdicts.of(run, latencies);
    InsertLatencyUs latency = new InsertLatencyUs(latencies,
        SeqOrderVerdicts.orderCosts(designs, run.settings().plan().tests()));
    // one pass over the run record: OK/KO per request for the reconciliation, KO codes (and, without the workers'
    // latency recording, each request's span in whole ms) for the latencies
    Map<String, RequestRecords.Outcomes> outcomes = records.outcomesByRequest(q -> latencies.record(q.key(),
        q.durationNanos() / 1_000_000L, q.ok(), q.errorCode()));
    String unreachable = sequence.isStopped() ? unreachable(run.resultsTarget()) : null;
    Reconciliation rec = reconcile(run, outcomes, unreachable);
    List<String> tests = run.settings().plan().tests().stream().map(TestSpec::name).toList();
    GapAnalysisResult gaps = unreachable == null
        ? GapAnalysis.run(run.resultsPool(), run.dialect(), run.runId(), tests, run.timeBasis(), run.settings().colourBySession())
        : new GapAnalysisResult(run.runId(), run.dialect().name(), run.dialect().cacheSemantics(), run.timeBasis(),
            tests.stream().map(t -> new TestFigures(t, Map.of())).toList());
    List<StageStatus> statuses = new ArrayList<>();
    for (Stage s : run.stages()) {
      int k = s.index();
      statuses.add(new StageStatus(s.test().name(), s.mode(), sequence.state(k), sequence.reason(k),
          run.stageSteps().usesSequence(k), run.stageSteps().readBack(k), s.variantName(), s.blockNo()));
    }
    RunNotes notes = new RunNotes(statuses, sequence.stopReason().orElse(null),
        unreachable == null ? null : "no figures from the database: " + unreachable);
    out.println();
    out.println("sequela run " + run.runId() + " on " + run.dialect() + ": reconciliation");
    out.println(ReconciliationTable.render(rec));
    statuses.forEach(s -> out.println("stage " + s.test() + " " + s.label() + ": " + s.state().label()
        + (s.modeVerified() ? ", mode verified (" + s.readBack() + ")" : "") + (s.reason() == null ? "" : ": " + s.reason())));
    out.println();
    out.print(ComparisonTable.render(gaps, latencies, designs));
    RacFigures rac = unreachable == null ? racFigures(run, gaps) : RacFigures.NONE;
    if (sequence.isStopped()) {
      // a cut-short run still leaves its history row (status cut_short, never a baseline) and its JUnit file; the
      // exit stays the stop's, whatever the checks say
      int exit = stopExit(sequence);
      NightlyOutcome checks = nightly(run, gr, rec, gaps, latency, out, unreachable == null);
      out.println("sequela: the run was stopped before its end (see CUT SHORT above): history row " + checks.status()
          + ", exit " + exit);
      AfterReport.register(gr, g -> {
        SequenceGapsReport.write(g.folder(), gaps, latencies, rac, recorded.perSecond(), notes, designs);
        NightlyPages.afterReport(checks, g.folder(), out);
      }, exit);
      return exit;
    }
    if (!rec.reconciles()) {
      out.println("sequela: reconciliation failed: OK != rows for at least one node (see the table above)");
    }
    NightlyOutcome checks = nightly(run, gr, rec, gaps, latency, out, true);
    out.println();
    out.print(checks.checks().summary());
    int exit = !rec.reconciles() ? ExitCodes.RECONCILIATION_FAILED : checks.exitCode();
    AfterReport.register(gr, g -> {
      SequenceGapsReport.write(g.folder(), gaps, latencies, rac, recorded.perSecond(), notes, designs);
      NightlyPages.afterReport(checks, g.folder(), out);
    }, exit);
    return exit;
  }

  /** 69 for a stopped run, or the kind of the stage failure that stopped it (75: an injector that did not come). */
  private static int stopExit(StageSequence sequence) {
    return sequence.stopCause() instanceof SequelaException e ? ExitCodes.of(e) : ExitCodes.DATABASE;
  }

  /** Null when the results database answers a fresh connection at once, else why not (one line). */
  private static String unreachable(Target results) {
    try (Connection c = Pools.direct(results, "results").open()) {
      return c.isValid(2) ? null : "the database does not answer";
    } catch (SequelaException | SQLException e) {
      return e.getMessage();
    }
  }

  /**
   * One line per test x mode x node of the measured blocks that opened: planned (summed over those blocks, both
   * variants of an A/A test), OK and KO from the run record (one request name per test x mode x node; warm-ups have
   * their own, left out), the rows (warm-up rows left out).
   */
  private static Reconciliation reconcile(SeqOrderRun run, Map<String, RequestRecords.Outcomes> outcomes, String unreachable) {
    Map<StageNode, Long> rows = unreachable == null ? Reconciliation.rowCounts(run.resultsPool(), run.runId()) : Map.of();
    Map<StageNode, Long> planned = new LinkedHashMap<>();
    for (Stage s : run.stages()) {
      if (s.warmup() || !run.sequence().hasOpened(s.index())) {
        continue;
      }
      for (ScenarioSpec n : s.test().scenarii()) {
        planned.merge(s.node(n).withoutBlock(), s.plannedInserts(n), Long::sum);
      }
    }
    Reconciliation.Builder b = new Reconciliation.Builder();
    planned.forEach((k, p) -> {
      RequestRecords.Outcomes o = outcomes.getOrDefault(k.requestName(), new RequestRecords.Outcomes(0, 0));
      long r = unreachable != null ? Reconciliation.UNKNOWN_ROWS : rows.getOrDefault(k, 0L);
      b.add(new Reconciliation.Line(k.test(), k.mode().name(), k.node(), p, o.ok(), o.ko(), r));
    });
    run.sequence().stopReason().ifPresent(b::cutShort);
    return b.build();
  }

  /**
   * The plan's assertions, the regression gate, one history row per test and sequela-assertions.xml.
   *
   * @param reachable false when the database no longer answers: its server version is then not asked for (the pool
   *     would wait its connection timeout) and is recorded as unknown
   */
  private static NightlyOutcome nightly(SeqOrderRun run, GatlingRun gr, Reconciliation rec, GapAnalysisResult gaps,
      InsertLatencyUs latency, PrintStream out, boolean reachable) {
    List<TestResult> tests = new ArrayList<>();
    for (TestSpec t : run.settings().plan().tests()) {
      tests.add(SeqOrderNightly.of(t, rec, gaps.tests().stream().filter(f -> f.testName().equals(t.name())).findFirst(),
          latency));
    }
    RunIdentity id = new RunIdentity("SeqOrderSimulation", run.runId(), run.settings().plan().source(),
        RunIdentity.planHash(run.nightly().seqOrderPlan(), ""), RunIdentity.targetLabel(run.resultsTarget()),
        reachable ? RunIdentity.serverVersion(run.resultsPool()) : "unknown", RunIdentity.sourceCommit(),
        SeqOrderVerdicts.stampLine(run.settings().plan().tests()));
    return Nightly.finish(run.nightly(), id, tests, gr.folder(), note -> out.println("sequela: " + note),
        run.sequence().stopCause() instanceof SequelaException.Interrupted);
  }

  /**
   * The wait deltas of every stage that ran (each ended when the stage finished; a cut-short one ends here), per
   * test and mode, and the instance check: where each node's rows were inserted (DB_INSTANCE), for every node whose
   * rows carry one.
   */
  private static RacFigures racFigures(SeqOrderRun run, GapAnalysisResult gaps) {
    List<RacFigures.NodeRouting> routing = new ArrayList<>();
    gaps.tests().forEach(t -> t.modes().values().forEach(m -> m.sessions().forEach((node, s) -> {
      if (!s.instances().isEmpty()) {
        routing.add(RacFigures.NodeRouting.of(t.testName(), m.mode().name(), node, s.instances()));
      }
    })));
    if (run.waits().isEmpty()) {
      return routing.isEmpty() ? RacFigures.NONE : new RacFigures(Map.of(), routing);
    }
    WaitDeltaProbe waits = run.waits().get();
    Map<String, Map<String, InstanceWaits>> byTest = new LinkedHashMap<>();
    for (Stage s : run.stages()) {
      waits.stageEnds(s.index());
      waits.result(s.index()).ifPresent(w ->
          byTest.computeIfAbsent(s.test().name(), t -> new LinkedHashMap<>()).put(s.mode().name(), w));
    }
    return new RacFigures(byTest, routing);
  }
}

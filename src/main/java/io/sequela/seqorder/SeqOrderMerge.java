package io.sequela.seqorder;

import io.sequela.config.StageNode;
import com.zaxxer.hikari.HikariDataSource;
import io.sequela.SequelaException;
import io.sequela.config.NightlySettings;
import io.sequela.config.Plan;
import io.sequela.config.TestSpec;
import io.sequela.design.DesignResult;
import io.sequela.db.Pools;
import io.sequela.db.Target;
import io.sequela.gaps.GapAnalysis;
import io.sequela.gaps.GapAnalysisResult;
import io.sequela.gaps.Latencies;
import io.sequela.gaps.Reconciliation;
import io.sequela.gaps.TimeBasis;
import io.sequela.injectors.InjectorShares;
import io.sequela.nightly.InsertLatencyUs;
import io.sequela.nightly.Nightly;
import io.sequela.nightly.NightlyOutcome;
import io.sequela.nightly.RunIdentity;
import io.sequela.nightly.SeqOrderNightly;
import io.sequela.nightly.TestResult;
import io.sequela.record.RequestRecord;
import io.sequela.record.RequestRecords;
import io.sequela.report.ComparisonTable;
import io.sequela.report.MergedIndex;
import io.sequela.report.ReconciliationTable;
import io.sequela.report.SequenceGapsReport;
import io.sequela.run.NightlyPages;
import io.sequela.stats.HistogramLogs;
import io.sequela.stats.IntervalLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * One report for a SeqOrderSimulation run driven by several injectors. Its input is every injector's run folder,
 * each holding that injector's own Gatling report, its run record ({@link RequestRecords}) and its latency.hlog,
 * and the database the run wrote to; it leaves {@code seqordersimulation-merged-<run id>} holding the merged
 * latency.hlog, sequela's pages and JSON for the whole run (the reconciliation of every injector's OK counts with
 * the rows against the plan's inserts (SEQUELA_SHARE), KOs by code, the workers' µs latencies and the verdict, and
 * the gap analysis ordered by SQL_DATE, the database's clock, so the injectors' clocks need not agree), the nightly
 * checks (sequela-assertions.xml, one history row per test for the whole run, trends.html) and an index.html
 * linking each injector's Gatling report (Gatling 3.12 and later cannot merge several runs' logs).
 */
public final class SeqOrderMerge {

  /** The merged folder's name before the run id. */
  public static final String MERGED = "seqordersimulation-merged-";
  static final String LATENCY_LOG = "latency.hlog";

  private SeqOrderMerge() {}

  /**
   * What to merge.
   *
   * @param runId the run id every injector was given
   * @param inputs each injector's run folder
   * @param resultsDir where the merged folder goes
   * @param target the database the run wrote to
   * @param plan the run's plan (the nightly checks' tests and limits), as every injector was given it
   * @param nightly the history folder and baseline
   */
  public record Request(String runId, List<Path> inputs, Path resultsDir, Target target, Plan plan, NightlySettings nightly) {}

  /**
   * What the merge left.
   *
   * @param folder the merged run folder
   * @param reconciliation every node of every stage, all injectors together
   * @param injectors how many injectors the run had
   * @param exitCode 0, or the nightly checks' exit code ({@link NightlyOutcome#exitCode})
   */
  public record Result(Path folder, Reconciliation reconciliation, int injectors, int exitCode) {
    /** True when every node of every stage reconciles (OK = rows, OK + KO = the plan's inserts). */
    public boolean reconciles() {
      return reconciliation.reconciles();
    }
  }

  /**
   * Merges the injectors' records and writes the pages (see the class doc), printing the reconciliation, the ORDER
   * vs NOORDER table and the checks.
   *
   * @throws SequelaException.InvalidInput when an input is not a run folder holding a run record (before any database
   *     work), or no injector of the run recorded its share in the database
   * @throws SequelaException.DatabaseFailure when the database cannot be read
   */
  public static Result run(Request request, PrintStream out) {
    List<Path> folders = runFolders(request.inputs());
    Path merged = request.resultsDir().resolve(MERGED + request.runId());
    Target target = request.target().resolve();
    try (HikariDataSource db = Pools.open(target, "merge", 1)) {
      List<InjectorShares.Share> shares = InjectorShares.of(db, request.runId());
      if (shares.isEmpty()) {
        throw new SequelaException.InvalidInput("--run-id: no injector of run '" + request.runId() + "' recorded its share in "
            + "SEQUELA_SHARE of " + target + " (another run id or database?)");
      }
      int injectors = shares.get(0).injectors();
      warnAboutMissing(shares, injectors, folders.size(), out);
      fresh(merged);
      Latencies.Builder recorded = mergeLatencyLogs(folders, merged, out);
      Map<String, long[]> outcomes = new HashMap<>();
      for (Path folder : folders) {
        RequestRecords.in(folder).forEach(q -> {
          InsertLatencies.add(recorded, q);
          outcomes.computeIfAbsent(q.key(), k -> new long[2])[q.ok() ? 0 : 1]++;
        });
      }
      Latencies latencies = recorded.build();
      Reconciliation rec = reconcile(shares, outcomes, Reconciliation.rowCounts(db, request.runId()));
      List<String> tests = rec.lines().stream().map(Reconciliation.Line::test).distinct().toList();
      GapAnalysisResult gaps = GapAnalysis.run(db, target.dialect(), request.runId(), tests, TimeBasis.SQL_DATE);
      Map<String, DesignResult> designs = designs(request.plan(), latencies, gaps, folders, out);
      out.println();
      out.println("sequela run " + request.runId() + " on " + target.dialect() + ", " + injectors + " injectors: reconciliation");
      out.println(ReconciliationTable.render(rec));
      out.println();
      out.print(ComparisonTable.render(gaps, latencies, designs));
      MergedIndex.write(merged, request.runId(), folders);
      SequenceGapsReport.write(merged, gaps, latencies, injectors, designs);
      NightlyOutcome checks = nightly(request, db, target, rec, gaps,
          new InsertLatencyUs(latencies, SeqOrderVerdicts.orderCosts(designs, request.plan().tests())), merged, out);
      out.println();
      out.print(checks.checks().summary());
      NightlyPages.afterReport(checks, merged, out);
      return new Result(merged, rec, injectors, checks.exitCode());
    }
  }

  /** The plan's assertions, the regression gate, one history row per test for the whole run and the JUnit file. */
  private static NightlyOutcome nightly(Request request, HikariDataSource db, Target target, Reconciliation rec,
      GapAnalysisResult gaps, InsertLatencyUs latency, Path merged, PrintStream out) {
    List<TestResult> results = new ArrayList<>();
    for (TestSpec t : request.plan().tests()) {
      results.add(SeqOrderNightly.of(t, rec, gaps.tests().stream().filter(f -> f.testName().equals(t.name())).findFirst(),
          latency));
    }
    RunIdentity id = new RunIdentity("SeqOrderSimulation", request.runId(), request.plan().source(),
        RunIdentity.planHash(request.nightly().seqOrderPlan(), ""), RunIdentity.targetLabel(target),
        RunIdentity.serverVersion(db), RunIdentity.sourceCommit(), SeqOrderVerdicts.stampLine(request.plan().tests()));
    return Nightly.finish(request.nightly(), id, results, merged, note -> out.println("sequela: " + note));
  }

  /**
   * Each test's block-level verdict as a single run gives it ({@link SeqOrderVerdicts#ofMerged}), when the merged data
   * allows: every injector left its latency.hlog, the rows' blocks follow the plan's design, and the logs hold per-block
   * latencies. Otherwise one line says why not, and the verdict is the per-insert one (none here: an empty map).
   */
  private static Map<String, DesignResult> designs(Plan plan, Latencies latencies, GapAnalysisResult gaps,
      List<Path> folders, PrintStream out) {
    long withLog = folders.stream().filter(f -> Files.isRegularFile(f.resolve(LATENCY_LOG))).count();
    String whyNot = null;
    Map<String, DesignResult> designs = Map.of();
    java.util.Optional<String> mismatch = SeqOrderVerdicts.mismatch(plan.tests(), gaps);
    if (withLog < folders.size()) {
      whyNot = "only " + withLog + " of the " + folders.size() + " injectors left a " + LATENCY_LOG
          + " (sequela.latency.record=false or the JDBC plugin), and a block's latencies must be all of its injectors'";
    } else if (mismatch.isPresent()) {
      whyNot = mismatch.get() + ": give the merge the plan and -Dsequela.plan-defaults.* the injectors ran with";
    } else {
      designs = SeqOrderVerdicts.ofMerged(plan.tests(), latencies, gaps);
      if (designs.values().stream().allMatch(d -> d.blocks().isEmpty())) {
        whyNot = "the injectors' " + LATENCY_LOG + " hold no per-block latencies (a run from before blocks, or no"
            + " BLOCK_NO in JOB_EXECUTION)";
      }
    }
    if (whyNot != null) {
      out.println("sequela: no block-level verdict: " + whyNot + "; the verdict below is per insert, not the design's");
      return Map.of();
    }
    return designs;
  }

  /** Every input must be an injector's run folder holding its run record. */
  private static List<Path> runFolders(List<Path> inputs) {
    if (inputs.isEmpty()) {
      throw new SequelaException.InvalidInput("<input>: give every injector's run folder");
    }
    for (Path in : inputs) {
      if (!RequestRecords.in(in).exists()) {
        throw new SequelaException.InvalidInput("<input>: " + in + " is not an injector's run folder: it holds no "
            + RequestRecord.FILE + " (sequela's run record, written by every injector's run)");
      }
    }
    return List.copyOf(inputs);
  }

  private static void warnAboutMissing(List<InjectorShares.Share> shares, int injectors, int folders, PrintStream out) {
    Set<Integer> recorded = new HashSet<>();
    shares.forEach(s -> recorded.add(s.injector()));
    TreeSet<Integer> missing = new TreeSet<>();
    for (int i = 1; i <= injectors; i++) {
      if (!recorded.contains(i)) {
        missing.add(i);
      }
    }
    if (!missing.isEmpty()) {
      out.println("sequela: injector(s) " + missing + " of " + injectors + " recorded no share: they never reached the first stage");
    }
    if (folders != injectors) {
      out.println("sequela: " + folders + " run folder(s) given for a run of " + injectors + " injectors");
    }
  }

  /** A fresh merged folder. */
  private static void fresh(Path merged) {
    try {
      if (Files.exists(merged)) {
        try (Stream<Path> old = Files.walk(merged)) {
          for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(merged);
    } catch (IOException e) {
      throw new SequelaException("cannot prepare " + merged + ": " + e.getMessage(), e);
    }
  }

  /**
   * The injectors' latency.hlog merged into the merged folder's, and a builder of the latencies over the workers' µs
   * totals; over none (the records' spans then give them) when no injector recorded any.
   */
  private static Latencies.Builder mergeLatencyLogs(List<Path> folders, Path merged, PrintStream out) {
    List<Path> hlogs = folders.stream().map(f -> f.resolve(LATENCY_LOG)).filter(Files::isRegularFile).toList();
    if (hlogs.isEmpty()) {
      return Latencies.builder();
    }
    Path log = merged.resolve(LATENCY_LOG);
    HistogramLogs.Merged m = HistogramLogs.merge(hlogs, log);
    out.println("sequela: " + LATENCY_LOG + ": " + m.intervals() + " intervals of " + hlogs.size() + " of the " + folders.size()
        + " injectors merged");
    IntervalLog read = IntervalLog.read(log);
    Map<String, Histogram> totals = new LinkedHashMap<>();
    read.tags().forEach(t -> totals.put(t, read.total(t)));
    return Latencies.builder(totals);
  }

  /** Per stage and node in run order: the plan's inserts, OK/KO over all records, and rows in the database. */
  private static Reconciliation reconcile(List<InjectorShares.Share> shares, Map<String, long[]> outcomes,
      Map<StageNode, Long> rows) {
    Map<StageNode, InjectorShares.Share> nodes = new LinkedHashMap<>();
    shares.forEach(s -> nodes.putIfAbsent(InjectorRun.node(s), s));
    Reconciliation.Builder b = new Reconciliation.Builder();
    for (Map.Entry<StageNode, InjectorShares.Share> e : nodes.entrySet()) {
      InjectorShares.Share s = e.getValue();
      long[] o = outcomes.getOrDefault(e.getKey().requestName(), new long[2]);
      long n = rows.getOrDefault(e.getKey(), 0L);
      b.add(new Reconciliation.Line(s.test(), s.mode(), s.node(), s.plannedNode(), o[0], o[1], n));
    }
    return b.build();
  }
}

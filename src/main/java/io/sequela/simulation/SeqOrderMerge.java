package io.sequela.simulation;

import com.zaxxer.hikari.HikariDataSource;
import io.sequela.SequelaException;
import io.sequela.db.Pools;
import io.sequela.db.Target;
import io.sequela.gaps.GapAnalysis;
import io.sequela.gaps.GapAnalysisResult;
import io.sequela.gaps.Latencies;
import io.sequela.gaps.Reconciliation;
import io.sequela.gaps.TimeBasis;
import io.sequela.gatlingrun.GatlingReports;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.gatlingrun.InjectorShare;
import io.sequela.report.ComparisonTable;
import io.sequela.report.ReconciliationTable;
import io.sequela.report.SequenceGapsReport;
import io.sequela.stats.HistogramLogs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One report for a SeqOrderSimulation run driven by several injectors: their run folders (each with its
 * simulation.log, {@value InjectorShare#FILE} and maybe latency.hlog) become
 * {@code <simulation>-merged-<run id>}, holding every simulation.log (as {@code injector-<i>.log}), Gatling's
 * report over all of them, the merged latency.hlog, and sequela's pages and JSON computed from the database's
 * rows of the run: reconciliation of all injectors' OK counts with the rows, and the gap analysis ordered by
 * SQL_DATE (the database's clock, so the injectors' clocks need not agree).
 */
public final class SeqOrderMerge {

  /** The folder name's middle part: {@code seqordersimulation-merged-<run id>}. */
  public static final String MERGED = "-merged-";
  static final String LATENCY_LOG = "latency.hlog";

  private SeqOrderMerge() {}

  /**
   * What to merge.
   *
   * @param runId the run id every injector was given
   * @param folders the injectors' run folders, one per injector, any order
   * @param resultsDir where the merged folder goes
   * @param target the database the run wrote to
   * @param gatlingClasspath a class path holding Gatling 3.11 (for its report generation), asked for once the
   *     folders are found to be one run's
   */
  public record Request(String runId, List<Path> folders, Path resultsDir, Target target, Supplier<String> gatlingClasspath) {}

  /**
   * What the merge left.
   *
   * @param folder the merged run folder
   * @param reconciliation every node of every stage, all injectors together
   * @param gatlingStatus Gatling's exit status (0, or 2 when one of its assertions failed)
   */
  public record Result(Path folder, Reconciliation reconciliation, int gatlingStatus) {
    /** True when every node of every stage reconciles (OK = rows, OK + KO = planned). */
    public boolean reconciles() {
      return reconciliation.reconciles();
    }
  }

  /**
   * Merges the injectors' folders and writes the report (see the class doc), printing the reconciliation and
   * the ORDER vs NOORDER table.
   *
   * @throws SequelaException.InvalidInput when a folder is not an injector's run folder of this run, or an
   *     injector is missing or given twice, before any database work
   * @throws SequelaException.DatabaseFailure when the database cannot be read
   */
  public static Result run(Request request, PrintStream out) {
    List<InjectorShare> shares = shares(request);
    String simulation = shares.get(0).simulation();
    Path merged = request.resultsDir().resolve(simulation.toLowerCase(Locale.ROOT) + MERGED + request.runId());
    Map<Integer, GatlingRun> runs = new LinkedHashMap<>();
    for (int i = 0; i < shares.size(); i++) {
      runs.put(shares.get(i).injector(), new GatlingRun(request.folders().get(i)));
    }
    String classpath = request.gatlingClasspath().get();
    copyLogs(runs, merged);
    int gatlingStatus = GatlingReports.generate(request.resultsDir(), merged.getFileName().toString(), classpath);
    mergeLatencyLogs(runs, merged, out);

    Latencies latencies = new Latencies();
    Map<String, GatlingRun.Outcomes> outcomes = new HashMap<>();
    for (GatlingRun run : runs.values()) {
      run.forEachRequest(q -> {
        latencies.record(q.name(), q.endMs() - q.startMs(), q.ok());
        GatlingRun.Outcomes o = outcomes.getOrDefault(q.name(), new GatlingRun.Outcomes(0, 0));
        outcomes.put(q.name(), q.ok() ? new GatlingRun.Outcomes(o.ok() + 1, o.ko()) : new GatlingRun.Outcomes(o.ok(), o.ko() + 1));
      });
    }
    Target target = request.target().resolve();
    try (HikariDataSource db = Pools.open(target, "merge", 1)) {
      Reconciliation rec = reconcile(shares, outcomes, Reconciliation.rowCounts(db, request.runId()));
      List<String> tests = rec.lines().stream().map(Reconciliation.Line::test).distinct().toList();
      GapAnalysisResult gaps = GapAnalysis.run(db, target.dialect(), request.runId(), tests, TimeBasis.SQL_DATE);
      out.println();
      out.println("sequela run " + request.runId() + " on " + target.dialect() + ", " + shares.size()
          + " injectors: reconciliation");
      out.println(ReconciliationTable.render(rec));
      out.println();
      out.print(ComparisonTable.render(gaps, latencies));
      SequenceGapsReport.write(merged, gaps, latencies, shares.size());
      return new Result(merged, rec, gatlingStatus);
    }
  }

  /** Every folder's share, checked against the others: one run, one simulation, injectors 1..n once each. */
  private static List<InjectorShare> shares(Request request) {
    if (request.folders().isEmpty()) {
      throw new SequelaException.InvalidInput("folders: give every injector's run folder");
    }
    List<InjectorShare> shares = new ArrayList<>();
    for (Path folder : request.folders()) {
      if (!Files.isRegularFile(folder.resolve("simulation.log"))) {
        throw new SequelaException.InvalidInput(folder + ": not a Gatling run folder (no simulation.log)");
      }
      InjectorShare s = InjectorShare.readFrom(folder).orElseThrow(() -> new SequelaException.InvalidInput(folder
          + ": no " + InjectorShare.FILE + " (not an injector of a run with -Dsequela.injector=<i>/<n>)"));
      if (!s.runId().equals(request.runId())) {
        throw new SequelaException.InvalidInput(folder + ": belongs to run '" + s.runId() + "', not '" + request.runId() + "'");
      }
      shares.add(s);
    }
    InjectorShare first = shares.get(0);
    boolean[] seen = new boolean[first.injectors() + 1];
    for (int i = 0; i < shares.size(); i++) {
      InjectorShare s = shares.get(i);
      if (s.injectors() != first.injectors() || !s.simulation().equals(first.simulation())) {
        throw new SequelaException.InvalidInput(request.folders().get(i) + ": injector " + s.injector() + " of " + s.injectors()
            + " of " + s.simulation() + ", but " + request.folders().get(0) + " is of " + first.injectors() + " of " + first.simulation());
      }
      if (seen[s.injector()]) {
        throw new SequelaException.InvalidInput(request.folders().get(i) + ": injector " + s.injector() + " is given twice");
      }
      seen[s.injector()] = true;
    }
    if (shares.size() != first.injectors()) {
      List<String> missing = new ArrayList<>();
      for (int i = 1; i <= first.injectors(); i++) {
        if (!seen[i]) {
          missing.add(String.valueOf(i));
        }
      }
      throw new SequelaException.InvalidInput("folders: run '" + request.runId() + "' had " + first.injectors()
          + " injectors; the folder of injector " + String.join(", ", missing) + " is missing");
    }
    return shares;
  }

  /** A fresh merged folder holding each injector's simulation.log as injector-&lt;i&gt;.log (Gatling reads every *.log). */
  private static void copyLogs(Map<Integer, GatlingRun> runs, Path merged) {
    try {
      if (Files.exists(merged)) {
        try (Stream<Path> old = Files.walk(merged)) {
          for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(merged);
      for (Map.Entry<Integer, GatlingRun> e : runs.entrySet()) {
        Files.copy(e.getValue().simulationLog(), merged.resolve("injector-" + e.getKey() + ".log"));
      }
    } catch (IOException e) {
      throw new SequelaException("cannot prepare " + merged + ": " + e.getMessage(), e);
    }
  }

  private static void mergeLatencyLogs(Map<Integer, GatlingRun> runs, Path merged, PrintStream out) {
    List<Path> logs = new ArrayList<>();
    List<Integer> without = new ArrayList<>();
    runs.forEach((i, run) -> {
      Path log = run.folder().resolve(LATENCY_LOG);
      if (Files.isRegularFile(log)) {
        logs.add(log);
      } else {
        without.add(i);
      }
    });
    if (logs.isEmpty()) {
      return;
    }
    HistogramLogs.Merged m = HistogramLogs.merge(logs, merged.resolve(LATENCY_LOG));
    out.println("sequela: " + LATENCY_LOG + ": " + m.intervals() + " intervals of " + logs.size() + " injector(s) merged"
        + (without.isEmpty() ? "" : "; injector(s) " + without + " wrote none"));
  }

  /** Planned (summed over the injectors' shares), OK/KO (all logs) and rows (the database), in run order. */
  private static Reconciliation reconcile(List<InjectorShare> shares, Map<String, GatlingRun.Outcomes> outcomes,
      Map<String, Long> rows) {
    Map<String, InjectorShare.Request> byName = new LinkedHashMap<>();
    Map<String, Long> planned = new HashMap<>();
    shares.stream().flatMap(s -> s.requests().stream())
        .sorted(Comparator.comparingInt(InjectorShare.Request::stage).thenComparingInt(InjectorShare.Request::node)).forEach(r -> {
      byName.putIfAbsent(r.name(), r);
      planned.merge(r.name(), r.planned(), Long::sum);
    });
    Reconciliation.Builder b = new Reconciliation.Builder();
    for (InjectorShare.Request r : byName.values()) {
      GatlingRun.Outcomes o = outcomes.getOrDefault(r.name(), new GatlingRun.Outcomes(0, 0));
      long n = rows.getOrDefault(Reconciliation.key(r.test(), r.mode(), r.node()), 0L);
      b.add(new Reconciliation.Line(r.test(), r.mode(), r.node(), planned.get(r.name()), o.ok(), o.ko(), n));
    }
    return b.build();
  }
}

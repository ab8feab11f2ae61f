package io.sequela.seqorder;

import io.sequela.config.StageNode;
import io.sequela.injectors.InjectorShares;

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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One report for a SeqOrderSimulation run driven by several injectors. Its input is every injector's
 * simulation.log (their run folders, or a folder of logs as the gatling-operator's reporter downloads them) and
 * the database the run wrote to; it leaves {@code seqordersimulation-merged-<run id>} holding every log, Gatling's
 * report over all of them, the merged latency.hlog (when the run folders hold one), and sequela's pages and
 * JSON from the database: the reconciliation of every injector's OK counts with the rows against the plan's
 * inserts (SEQUELA_SHARE), and the gap analysis ordered by SQL_DATE (the database's clock, so the injectors'
 * clocks need not agree).
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
   * @param inputs each injector's run folder, or a log file, or a folder of logs ({@code *.log})
   * @param resultsDir where the merged folder goes
   * @param target the database the run wrote to
   * @param gatlingClasspath a class path holding Gatling 3.11 (for its report generation), asked for once the
   *     inputs are found to hold logs
   */
  public record Request(String runId, List<Path> inputs, Path resultsDir, Target target, Supplier<String> gatlingClasspath) {}

  /**
   * What the merge left.
   *
   * @param folder the merged run folder
   * @param reconciliation every node of every stage, all injectors together
   * @param injectors how many injectors the run had
   * @param gatlingStatus Gatling's exit status (0, or 2 when one of its assertions failed)
   */
  public record Result(Path folder, Reconciliation reconciliation, int injectors, int gatlingStatus) {
    /** True when every node of every stage reconciles (OK = rows, OK + KO = the plan's inserts). */
    public boolean reconciles() {
      return reconciliation.reconciles();
    }
  }

  /** A log to merge and the run folder it sits in (null for a bare log). */
  private record Log(Path file, Path runFolder) {}

  /**
   * Merges the logs and writes the report (see the class doc), printing the reconciliation and the ORDER vs
   * NOORDER table.
   *
   * @throws SequelaException.InvalidInput when an input holds no log (before any database work), or no injector
   *     of the run recorded its share in the database
   * @throws SequelaException.DatabaseFailure when the database cannot be read
   */
  public static Result run(Request request, PrintStream out) {
    List<Log> logs = logs(request.inputs());
    Path merged = request.resultsDir().resolve(MERGED + request.runId());
    Target target = request.target().resolve();
    try (HikariDataSource db = Pools.open(target, "merge", 1)) {
      List<InjectorShares.Share> shares = InjectorShares.of(db, request.runId());
      if (shares.isEmpty()) {
        throw new SequelaException.InvalidInput("--run-id: no injector of run '" + request.runId() + "' recorded its share in "
            + "SEQUELA_SHARE of " + target + " (another run id or database?)");
      }
      int injectors = shares.get(0).injectors();
      warnAboutMissing(shares, injectors, logs.size(), out);
      String classpath = request.gatlingClasspath().get();
      copyLogs(logs, merged);
      int gatlingStatus = GatlingReports.generate(request.resultsDir(), merged.getFileName().toString(), classpath);
      mergeLatencyLogs(logs, merged, out);

      Latencies latencies = new Latencies();
      Map<String, long[]> outcomes = new HashMap<>();
      for (Log log : logs) {
        GatlingRun.forEachRequest(log.file(), q -> {
          latencies.record(q.name(), q.endMs() - q.startMs(), q.ok());
          outcomes.computeIfAbsent(q.name(), k -> new long[2])[q.ok() ? 0 : 1]++;
        });
      }
      Reconciliation rec = reconcile(shares, outcomes, Reconciliation.rowCounts(db, request.runId()));
      List<String> tests = rec.lines().stream().map(Reconciliation.Line::test).distinct().toList();
      GapAnalysisResult gaps = GapAnalysis.run(db, target.dialect(), request.runId(), tests, TimeBasis.SQL_DATE);
      out.println();
      out.println("sequela run " + request.runId() + " on " + target.dialect() + ", " + injectors + " injectors: reconciliation");
      out.println(ReconciliationTable.render(rec));
      out.println();
      out.print(ComparisonTable.render(gaps, latencies));
      SequenceGapsReport.write(merged, gaps, latencies, injectors);
      return new Result(merged, rec, injectors, gatlingStatus);
    }
  }

  /** The logs of every input: a log file, a run folder's simulation.log, or every *.log of a folder. */
  private static List<Log> logs(List<Path> inputs) {
    if (inputs.isEmpty()) {
      throw new SequelaException.InvalidInput("<input>: give every injector's run folder or log");
    }
    List<Log> logs = new ArrayList<>();
    for (Path in : inputs) {
      if (Files.isRegularFile(in) && in.getFileName().toString().endsWith(".log")) {
        logs.add(new Log(in, null));
      } else if (Files.isRegularFile(in.resolve("simulation.log"))) {
        logs.add(new Log(in.resolve("simulation.log"), in));
      } else if (Files.isDirectory(in)) {
        try (Stream<Path> files = Files.list(in)) {
          List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(".log") && Files.isRegularFile(f)).sorted().toList();
          if (found.isEmpty()) {
            throw new SequelaException.InvalidInput("<input>: " + in + " holds no simulation.log and no *.log");
          }
          found.forEach(f -> logs.add(new Log(f, null)));
        } catch (IOException e) {
          throw new SequelaException.InvalidInput("<input>: cannot list " + in + ": " + e.getMessage());
        }
      } else {
        throw new SequelaException.InvalidInput("<input>: " + in + " is neither a Gatling run folder, a folder of logs nor a .log file");
      }
    }
    return logs;
  }

  private static void warnAboutMissing(List<InjectorShares.Share> shares, int injectors, int logs, PrintStream out) {
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
    if (logs != injectors) {
      out.println("sequela: " + logs + " log(s) given for a run of " + injectors + " injectors");
    }
  }

  /** A fresh merged folder holding every log under a name of its own (Gatling 3.11 reads every *.log of it). */
  private static void copyLogs(List<Log> logs, Path merged) {
    try {
      if (Files.exists(merged)) {
        try (Stream<Path> old = Files.walk(merged)) {
          for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(merged);
      Set<String> names = new HashSet<>();
      for (Log log : logs) {
        String name = log.runFolder() != null ? log.runFolder().getFileName() + ".log" : log.file().getFileName().toString();
        String unique = names.add(name) ? name : names.size() + "-" + name;
        names.add(unique);
        Files.copy(log.file(), merged.resolve(unique));
      }
    } catch (IOException e) {
      throw new SequelaException("cannot prepare " + merged + ": " + e.getMessage(), e);
    }
  }

  private static void mergeLatencyLogs(List<Log> logs, Path merged, PrintStream out) {
    List<Path> hlogs = logs.stream().filter(l -> l.runFolder() != null).map(l -> l.runFolder().resolve(LATENCY_LOG))
        .filter(Files::isRegularFile).toList();
    if (!hlogs.isEmpty()) {
      HistogramLogs.Merged m = HistogramLogs.merge(hlogs, merged.resolve(LATENCY_LOG));
      out.println("sequela: " + LATENCY_LOG + ": " + m.intervals() + " intervals of " + hlogs.size() + " of the " + logs.size()
          + " injectors merged");
    }
  }

  /** Per stage and node in run order: the plan's inserts, OK/KO over all logs, and rows in the database. */
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

package io.sequela.nightly;

import io.sequela.assertions.Check;
import io.sequela.assertions.Checks;
import io.sequela.assertions.JunitXml;
import io.sequela.config.Limit;
import io.sequela.config.NightlySettings;
import io.sequela.history.Baseline;
import io.sequela.history.Baselines;
import io.sequela.history.HistoryStore;
import io.sequela.history.Metric;
import io.sequela.history.RegressionGate;
import io.sequela.history.RunRecord;
import io.sequela.history.TestTrend;
import io.sequela.history.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * A run's nightly checks, once its figures are known: compares each test with its baseline (the regression
 * gate), appends one history row per test, and writes {@code sequela-assertions.xml} into the run folder. The
 * history is best effort: a folder that cannot be written gives one note and does not change the run's own
 * results. The trend page is written later, once Gatling has written its report ({@link NightlyOutcome#writeTrendsPage}).
 */
public final class Nightly {

  private Nightly() {}

  /**
   * Runs the nightly checks of one run.
   *
   * @param settings history folder and baseline
   * @param run what identifies the run
   * @param tests the run's tests, each with its figures and absolute checks
   * @param runFolder the Gatling run folder, where the JUnit file goes
   * @param notes receives one line per history problem (the console, prefixed {@code sequela: })
   * @return the checks, the status and what the trend page needs
   * @throws io.sequela.SequelaException when the JUnit file cannot be written
   */
  public static NightlyOutcome finish(NightlySettings settings, RunIdentity run, List<TestResult> tests, Path runFolder,
      Consumer<String> notes) {
    return finish(settings, run, tests, runFolder, notes, false);
  }

  /**
   * As {@link #finish(NightlySettings, RunIdentity, List, Path, Consumer)}, for a run that may have been interrupted.
   *
   * @param interrupted true when the run was interrupted from outside (Ctrl-C, SIGTERM): its rows get status
   *     {@link RunRecord#INTERRUPTED}, whatever its checks say, and no baseline takes them
   */
  public static NightlyOutcome finish(NightlySettings settings, RunIdentity run, List<TestResult> tests, Path runFolder,
      Consumer<String> notes, boolean interrupted) {
    HistoryStore store = new HistoryStore(settings.historyDir());
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    List<Check> all = new ArrayList<>();
    List<Pending> pending = new ArrayList<>();
    boolean cutShort = false;
    for (TestResult t : tests) {
      List<String> columns = t.metrics().stream().map(Metric::column).toList();
      String header = HistoryStore.header(columns);
      Path file = null;
      List<RunRecord> earlier = List.of();
      try {
        file = store.fileFor(run.simulation(), t.test(), header, notes);
        earlier = HistoryStore.read(file, notes);
      } catch (IOException | RuntimeException e) {
        notes.accept("history: cannot read " + settings.historyDir() + ": " + e.getMessage() + "; no baseline for " + t.test());
      }
      RunRecord current = record(run, now, t);
      Baseline baseline = Baselines.select(settings.baseline(), earlier, current);
      OptionalDouble pct = t.limits().get(Limit.REGRESSION_PCT_MAX);
      List<Verdict> verdicts = RegressionGate.compare(baseline, t.metrics(), pct);
      all.addAll(t.checks());
      all.addAll(RegressionChecks.of(t.test(), settings.baseline().toString(), baseline, verdicts, pct));
      pending.add(new Pending(t, file, header, current, earlier, verdicts, baseline,
          pct.isPresent() ? pct.getAsDouble() : null));
      cutShort |= t.cutShort();
    }
    Checks checks = new Checks(run.simulation(), all);
    String status = interrupted ? RunRecord.INTERRUPTED : cutShort ? RunRecord.CUT_SHORT : checks.passed() ? RunRecord.PASSED : RunRecord.FAILED;
    List<TestTrend> trends = new ArrayList<>();
    for (Pending p : pending) {
      RunRecord row = p.current().withStatus(status);
      if (p.file() != null) {
        try {
          store.append(p.file(), p.header(), row);
        } catch (IOException | RuntimeException e) {
          notes.accept("history: cannot write " + p.file() + ": " + e.getMessage() + "; this run is not in the history");
        }
      }
      trends.add(TestTrend.of(p.test().test(), p.earlier(), row, p.test().metrics(), p.verdicts(), p.baseline(),
          p.regressionPctMax()));
    }
    JunitXml.write(runFolder, checks);
    return new NightlyOutcome(run, checks, status, trends);
  }

  private static RunRecord record(RunIdentity run, Instant now, TestResult t) {
    java.util.LinkedHashMap<String, Double> metrics = new java.util.LinkedHashMap<>();
    t.metrics().forEach(m -> metrics.put(m.column(), m.value()));
    return new RunRecord(now, run.runId(), RunRecord.PASSED, run.plan(), run.planHash(), run.target(),
        run.serverVersion(), run.commit(), run.design(), metrics);
  }

  private record Pending(TestResult test, Path file, String header, RunRecord current, List<RunRecord> earlier,
      List<Verdict> verdicts, Baseline baseline, Double regressionPctMax) {}

  /** A percentage for messages, e.g. {@code 104.2 %}. */
  static String pct(double p) {
    return Double.isInfinite(p) ? "inf %" : String.format(Locale.ROOT, "%.1f %%", p);
  }
}

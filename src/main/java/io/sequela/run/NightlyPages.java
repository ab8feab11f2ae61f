package io.sequela.run;

import io.sequela.nightly.NightlyOutcome;
import io.sequela.nightly.RunIdentity;
import io.sequela.report.ReportFolder;
import io.sequela.report.RunResult;
import io.sequela.report.TrendsReport;
import java.io.PrintStream;
import java.nio.file.Path;

/** What every simulation's after-report hook adds for the nightly checks, once Gatling has written its report. */
public final class NightlyPages {

  private NightlyPages() {}

  /**
   * Writes the run's identity ({@link RunResult#RUN_JSON}: what its history rows say of it, for {@code sequela
   * compare}) and trends.html into the run folder and links it from every page's menu (a failure is one line: the run's
   * other results stand), then prints the closing lines, so the console ends with the failed checks.
   *
   * @param outcome the run's nightly checks
   * @param runFolder the Gatling run folder holding the report
   * @param out the console
   */
  public static void afterReport(NightlyOutcome outcome, Path runFolder, PrintStream out) {
    try {
      ReportFolder.at(runFolder).writeJson(RunResult.RUN_JSON, identity(outcome));
    } catch (RuntimeException e) {
      out.println("sequela: " + RunResult.RUN_JSON + " could not be written: " + e.getMessage());
    }
    try {
      TrendsReport.write(runFolder, outcome.run().simulation(), outcome.run().runId(), outcome.trends());
    } catch (RuntimeException e) {
      out.println("sequela: " + TrendsReport.PAGE + " could not be written: " + e.getMessage());
    }
    out.print(outcome.closingLines());
    out.flush();
  }

  /** simulation, run_id, status, plan, plan_hash, target, server_version, commit, design. */
  private static java.util.Map<String, String> identity(NightlyOutcome outcome) {
    RunIdentity r = outcome.run();
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put("simulation", r.simulation());
    m.put("run_id", r.runId());
    m.put("status", outcome.status());
    m.put("plan", r.plan());
    m.put("plan_hash", r.planHash());
    m.put("target", r.target());
    m.put("server_version", r.serverVersion());
    m.put("commit", r.commit());
    m.put("design", r.design());
    return m;
  }
}

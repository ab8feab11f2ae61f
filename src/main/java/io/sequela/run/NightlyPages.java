package io.sequela.run;

import io.sequela.nightly.NightlyOutcome;
import io.sequela.report.TrendsReport;
import java.io.PrintStream;
import java.nio.file.Path;

/** What every simulation's after-report hook adds for the nightly checks, once Gatling has written its report. */
public final class NightlyPages {

  private NightlyPages() {}

  /**
   * Writes trends.html into the run folder and links it from every page's menu (a failure is one line: the run's
   * other results stand), then prints the closing lines, so the console ends with the failed checks.
   *
   * @param outcome the run's nightly checks
   * @param runFolder the Gatling run folder holding the report
   * @param out the console
   */
  public static void afterReport(NightlyOutcome outcome, Path runFolder, PrintStream out) {
    try {
      TrendsReport.write(runFolder, outcome.run().simulation(), outcome.run().runId(), outcome.trends());
    } catch (RuntimeException e) {
      out.println("sequela: " + TrendsReport.PAGE + " could not be written: " + e.getMessage());
    }
    out.print(outcome.closingLines());
    out.flush();
  }
}

package io.sequela.report;

import io.sequela.SequelaException;
import java.nio.file.Path;

/** Adds key-generation.html to a Gatling run folder ({@link ReportFolder}: report style, menu link on every page). */
public final class KeyGenPage {

  private KeyGenPage() {}

  /**
   * Writes the page of a run's results into its run folder; call once Gatling wrote index.html (from the
   * simulation's after-report hook, with the same {@link KeyGenReport} that wrote the JSON). Writing it
   * again replaces the page and adds no second link.
   *
   * @return the page's path
   * @throws SequelaException when a file cannot be read or written, or the folder holds no Gatling report
   */
  public static Path write(Path folder, KeyGenReport report) {
    return ReportFolder.at(folder).addPage(KeyGenReport.PAGE, "Key generation", "Key generation", report.pageBody());
  }
}

package io.sequela.report;

import io.sequela.SequelaException;
import java.nio.file.Path;

/** Adds key-generation.html to a Gatling run folder ({@link ReportFolder}: report style, menu link on every page). */
public final class KeyGenPage {

  private KeyGenPage() {}

  /**
   * Writes the page of a run folder from its {@link KeyGenReport#JSON}; call once Gatling wrote index.html.
   * Writing it again replaces the page and adds no second link.
   *
   * @return the page's path
   * @throws SequelaException when a file cannot be read or written, or the folder holds no Gatling report
   */
  public static Path writeFromJson(Path folder) {
    String body = KeyGenReport.readJson(folder.resolve(KeyGenReport.JSON)).pageBody();
    return ReportFolder.at(folder).addPage(KeyGenReport.PAGE, "Key generation", "Key generation", body);
  }
}

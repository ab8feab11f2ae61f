package io.sequela.report;

import io.sequela.SequelaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The index.html of a merged run of several injectors: Gatling 3.12 and later cannot merge several runs' logs into
 * one report, so each injector keeps its own Gatling report and this page links them, beside sequela's pages for the
 * whole run. The first injector's stylesheet is copied so sequela's pages keep the report's look.
 */
public final class MergedIndex {

  /** The page's file. */
  public static final String PAGE = "index.html";

  private MergedIndex() {}

  /**
   * Writes index.html into the merged folder and copies the first injector's style/ folder next to it.
   *
   * @param merged the merged folder
   * @param runId the run's id
   * @param injectorFolders each injector's run folder, in injector order
   * @throws SequelaException when the page cannot be written
   */
  public static void write(Path merged, String runId, List<Path> injectorFolders) {
    copyStyle(injectorFolders, merged);
    Document page = Document.createShell("");
    page.head().appendElement("meta").attr("charset", "UTF-8");
    page.title("sequela run " + runId);
    page.head().appendElement("link").attr("href", "style/style.css").attr("rel", "stylesheet").attr("type", "text/css");
    Element body = page.body();
    body.appendElement("h1").text("sequela run " + runId + ": " + injectorFolders.size() + " injectors");
    body.appendElement("h2").text("The whole run (sequela)");
    Element pages = body.appendElement("ul");
    pages.appendElement("li").appendElement("a").attr("href", SequenceGapsReport.PAGE).text("sequence gaps, verdict, reconciliation, KOs by code (µs latencies)");
    pages.appendElement("li").appendElement("a").attr("href", TrendsReport.PAGE).text("trends: this run against the history");
    pages.appendElement("li").appendElement("a").attr("href", "sequela-assertions.xml").text("checks (JUnit XML)");
    body.appendElement("h2").text("Each injector's Gatling report");
    body.appendElement("p").text("Gatling (3.12 and later) cannot merge several runs into one report: each injector's "
        + "report covers its own share, in Gatling's whole ms.");
    Element reports = body.appendElement("ul");
    for (Path f : injectorFolders) {
      String href = merged.toAbsolutePath().getParent().relativize(f.toAbsolutePath()).toString().replace('\\', '/');
      reports.appendElement("li").appendElement("a").attr("href", "../" + href + "/index.html").text(f.getFileName().toString());
    }
    try {
      Files.writeString(merged.resolve(PAGE), page.outerHtml(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SequelaException("cannot write " + merged.resolve(PAGE) + ": " + e.getMessage(), e);
    }
  }

  private static void copyStyle(List<Path> injectorFolders, Path merged) {
    Path style = injectorFolders.isEmpty() ? null : injectorFolders.get(0).resolve("style");
    if (style == null || !Files.isDirectory(style)) {
      return;
    }
    try (Stream<Path> files = Files.walk(style)) {
      for (Path p : files.toList()) {
        Path to = merged.resolve("style").resolve(style.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    } catch (IOException e) {
      throw new SequelaException("cannot copy " + style + " into " + merged + ": " + e.getMessage(), e);
    }
  }
}

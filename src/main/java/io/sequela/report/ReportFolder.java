package io.sequela.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sequela.SequelaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A Gatling run folder ({@code <results>/<simulation lowercase>-<timestamp>/}, Gatling 3.11 to 3.15 layout)
 * that sequela adds pages to. Gatling has no hook for extra pages: call this after Gatling wrote the report
 * (from a JVM shutdown hook registered in {@code Simulation.after()}). Pages reuse the report's
 * {@code style/} and header, and get a menu item after Gatling's Details link on every page. Gatling's
 * pages are read and written with jsoup ({@link GatlingPageEdits}), never edited as text.
 */
public final class ReportFolder {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;

  private ReportFolder(Path dir) {
    this.dir = dir;
  }

  /**
   * A run folder given by path.
   *
   * @throws SequelaException.InvalidInput when it holds no index.html
   */
  public static ReportFolder at(Path dir) {
    if (!Files.isRegularFile(dir.resolve("index.html"))) {
      throw new SequelaException.InvalidInput(dir + ": not a Gatling report folder (no index.html)");
    }
    return new ReportFolder(dir);
  }

  /** The run folder. */
  public Path dir() {
    return dir;
  }

  /**
   * Writes a page in the report's style and links it from the sub-menu of every page of the folder.
   * Writing the same page again replaces it and adds no second link.
   *
   * @param fileName e.g. {@code sequence-gaps.html}
   * @param menuLabel the menu item's text, e.g. {@code Sequence gaps}
   * @param title the browser title
   * @param content the page's content ({@link Html}); it is moved into the page
   * @return the page's path
   * @throws SequelaException when a file cannot be read or written
   */
  Path addPage(String fileName, String menuLabel, String title, Element content) {
    GatlingPageEdits.MenuItem item = new GatlingPageEdits.MenuItem(fileName, menuLabel);
    Path page = dir.resolve(fileName);
    write(page, GatlingPageEdits.ownPage(read(dir.resolve("index.html")), item, title, content));
    for (Path p : htmlPages()) {
      if (!p.equals(page)) {
        Document d = read(p);
        if (GatlingPageEdits.addMenuItem(d, item)) {
          write(p, d);
        }
      }
    }
    return page;
  }

  /**
   * Writes a value as indented JSON with Jackson.
   *
   * @param fileName e.g. {@code sequence-gaps.json}
   * @param value a Jackson tree or any value Jackson can serialise
   * @return the file's path
   */
  public Path writeJson(String fileName, Object value) {
    Path p = dir.resolve(fileName);
    try {
      JSON.writeValue(p.toFile(), value);
    } catch (IOException e) {
      throw new SequelaException("cannot write " + p + ": " + e.getMessage(), e);
    }
    return p;
  }

  /** The *.html files of the folder. */
  public List<Path> htmlPages() {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".html")).sorted().toList();
    } catch (IOException e) {
      throw new SequelaException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Document read(Path p) {
    try {
      return Jsoup.parse(p.toFile(), StandardCharsets.UTF_8.name());
    } catch (IOException e) {
      throw new SequelaException("cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes a page of its own, for a folder without a Gatling report (compare, sweep): a plain document with the
   * title and one small style, the body as built with {@link Html}.
   *
   * @param page the file, e.g. {@code dir/sweep.html}
   * @param title the browser's title, e.g. {@code sequela - compare}
   * @return {@code page}
   * @throws SequelaException when it cannot be written
   */
  static Path writeStandalone(Path page, String title, Element body) {
    Document d = Document.createShell("");
    d.head().appendElement("meta").attr("charset", "utf-8");
    d.title(title);
    d.head().appendElement("style").appendText("body{font-family:sans-serif;font-size:14px;margin:0}"
        + "table{border-collapse:collapse;margin:6px 0}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}"
        + "th{background:#eee}");
    d.body().appendChild(body);
    write(page, d);
    return page;
  }

  private static void write(Path p, Document d) {
    d.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
    try {
      Files.writeString(p, d.outerHtml(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SequelaException("cannot write " + p + ": " + e.getMessage(), e);
    }
  }
}

package io.sequela.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sequela.SequelaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Gatling run folder ({@code <results>/<simulation lowercase>-<timestamp>/}, Gatling 3.11 to 3.15 layout)
 * that sequela adds pages to. Gatling has no hook for extra pages: call this after Gatling wrote the report
 * (from a JVM shutdown hook registered in {@code Simulation.after()}). Pages reuse the report's
 * {@code style/} and header, and get a menu item after Gatling's Details link on every page.
 */
public final class ReportFolder {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** The Details item of Gatling's sub-menu and any items added after it. */
  private static final Pattern MENU_TAIL = Pattern.compile(
      "<a id=\"details_link\"[^>]*>Details</a>\\s*</div>(\\s*<div class=\"item[^\"]*\"><a [^>]*>[^<]*</a></div>)*");
  private static final String CONTENT_IN = "<div class=\"content-in\">";
  /** Divs still open in a Gatling page before its content-in div (app-container, container, cadre, content). */
  private static final int OPEN_DIVS = 4;

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
   * @param bodyHtml the page's content, already escaped
   * @return the page's path
   * @throws SequelaException when a file cannot be read or written
   */
  public Path addPage(String fileName, String menuLabel, String title, String bodyHtml) {
    String linkId = fileName.replaceAll("\\W", "_") + "_link";
    String item = "<div class=\"item \"><a id=\"" + linkId + "\" href=\"" + fileName + "\">" + Html.escape(menuLabel)
        + "</a></div>";
    Path page = dir.resolve(fileName);
    write(page, pageHtml(read(dir.resolve("index.html")), linkId, item, title, bodyHtml));
    for (Path p : htmlPages()) {
      String html = read(p);
      if (!p.equals(page) && !html.contains("id=\"" + linkId + "\"")) {
        Matcher m = MENU_TAIL.matcher(html);
        if (m.find()) {
          write(p, html.substring(0, m.end()) + "\n" + item + html.substring(m.end()));
        }
      }
    }
    return page;
  }

  /** The page: index.html's head and header with our item open in the menu, then our content. */
  private static String pageHtml(String index, String linkId, String item, String title, String body) {
    int cut = index.indexOf(CONTENT_IN);
    int head = index.indexOf("</head>");
    if (cut < 0 || head < 0) {
      return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" + Html.escape(title)
          + "</title><link href=\"style/style.css\" rel=\"stylesheet\" type=\"text/css\"/></head><body>" + body
          + "</body></html>\n";
    }
    String header = index.substring(head, cut).replace("class=\"item ouvert\"", "class=\"item \"");
    if (!header.contains("id=\"" + linkId + "\"")) {
      Matcher m = MENU_TAIL.matcher(header);
      header = m.find() ? header.substring(0, m.end()) + "\n" + item + header.substring(m.end()) : header;
    }
    header = header.replace("<div class=\"item \"><a id=\"" + linkId + "\"", "<div class=\"item ouvert\"><a id=\"" + linkId + "\"");
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\">\n"
        + "<link rel=\"shortcut icon\" type=\"image/x-icon\" href=\"style/favicon.ico\"/>\n"
        + "<link href=\"style/style.css\" rel=\"stylesheet\" type=\"text/css\" />\n"
        + "<link href=\"style/bootstrap.min.css\" rel=\"stylesheet\" type=\"text/css\" />\n"
        + "<title>" + Html.escape(title) + "</title>\n" + header
        + CONTENT_IN + "\n<div class=\"container-article\">\n<div class=\"article\">\n" + body
        + "\n</div>\n</div>\n</div>\n" + "</div>\n".repeat(OPEN_DIVS) + "</body>\n</html>\n";
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

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SequelaException("cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path p, String s) {
    try {
      Files.writeString(p, s, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SequelaException("cannot write " + p + ": " + e.getMessage(), e);
    }
  }
}

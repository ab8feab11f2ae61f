package io.sequela.report;

import io.sequela.SequelaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * INTERIM: the few report-folder chores the query-stats page needs, until the shared io.sequela.report
 * helper (page in the report's style, menu link) lands and replaces this class. Technique:
 * /work/shared/notes/gatling-jdbc.md section 4.
 */
public final class InterimReportFolder {

  private static final Pattern DETAILS_LINK = Pattern.compile("(<a id=\"details_link\"[^>]*>Details</a>\\s*</div>)");

  private InterimReportFolder() {}

  /**
   * The newest Gatling run folder {@code <resultsDir>/<prefix>-<timestamp>}.
   *
   * @param prefix the simulation's lower-case simple name, e.g. {@code querybenchsimulation}
   * @return empty when there is none
   */
  public static Optional<Path> newestRunFolder(Path resultsDir, String prefix) {
    if (!Files.isDirectory(resultsDir)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(resultsDir)) {
      return dirs.filter(Files::isDirectory)
          .filter(d -> d.getFileName().toString().startsWith(prefix + "-"))
          .max(Comparator.comparing(d -> d.getFileName().toString()));
    } catch (IOException e) {
      throw new SequelaException("cannot list " + resultsDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * A complete HTML page in the report's look: the report's {@code style/style.css}, a menu back to
   * the Gatling pages, then {@code body}.
   *
   * @param body HTML, already escaped
   */
  public static String page(String title, String body) {
    return """
        <!DOCTYPE html>
        <html><head><meta charset="UTF-8"><title>%s</title>
        <link href="style/favicon.ico" rel="shortcut icon"><link href="style/style.css" rel="stylesheet">
        <style>
          .sq { font-family: sans-serif; margin: 20px 40px; color: #1f2024; }
          .sq table { border-collapse: collapse; margin: 10px 0 24px; }
          .sq th, .sq td { border: 1px solid #d0d3d8; padding: 4px 10px; text-align: right; }
          .sq th { background: #f2f3f5; }
          .sq td.l, .sq th.l { text-align: left; }
          .sq nav a { margin-right: 16px; }
        </style></head>
        <body><div class="sq">
        <nav><a href="index.html">Global</a><a href="query-stats.html">Query statistics</a></nav>
        <h1>%s</h1>
        %s
        </div></body></html>
        """.formatted(escape(title), escape(title), body);
  }

  /**
   * Adds a menu item linking {@code href} to every Gatling page of the folder, after "Details"; pages
   * that already link it are left alone.
   *
   * @return how many pages were changed
   */
  public static int linkFromMenus(Path runFolder, String href, String label) {
    String item = "<div class=\"item\"><a href=\"" + href + "\">" + escape(label) + "</a></div>";
    int changed = 0;
    try (Stream<Path> files = Files.list(runFolder)) {
      List<Path> pages = files.filter(p -> p.toString().endsWith(".html") && !p.getFileName().toString().equals(href)).toList();
      for (Path p : pages) {
        String html = Files.readString(p, StandardCharsets.UTF_8);
        Matcher m = DETAILS_LINK.matcher(html);
        if (!html.contains("href=\"" + href + "\"") && m.find()) {
          Files.writeString(p, m.replaceFirst(Matcher.quoteReplacement(m.group(1) + item)), StandardCharsets.UTF_8);
          changed++;
        }
      }
    } catch (IOException e) {
      throw new SequelaException("cannot link " + href + " from the pages of " + runFolder + ": " + e.getMessage(), e);
    }
    return changed;
  }

  /** HTML-escapes text. */
  public static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

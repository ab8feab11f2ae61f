package io.sequela.report;

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
 * Writes key-generation.html into a Gatling run folder, styled with the report's own CSS, and links it
 * from the sub-menu of every page (after Gatling's Details item). Stand-in for the shared report-page
 * helper being built for the sequence-gap page; replace with it once merged.
 */
public final class KeyGenPage {

  private static final Pattern DETAILS = Pattern.compile("<a id=\"details_link\"[^>]*>Details</a>\\s*</div>");
  private static final String LINK_ID = "keygen_link";

  private KeyGenPage() {}

  /**
   * Writes the page and adds the menu link to every *.html of the folder (once).
   *
   * @param folder the run folder, holding Gatling's index.html
   * @param body the page's content, already escaped
   * @return the page's path
   * @throws SequelaException when a file cannot be read or written
   */
  public static Path write(Path folder, String body) {
    Path page = folder.resolve(KeyGenReport.PAGE);
    String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Key generation</title>\n"
        + "<link href=\"style/style.css\" rel=\"stylesheet\" type=\"text/css\"/></head>\n<body>\n"
        + "<div class=\"sous-menu\"><div class=\"item\"><a href=\"index.html\">Global</a></div></div>\n"
        + "<div class=\"container-article\" style=\"margin:20px\">\n" + body + "</div>\n</body></html>\n";
    try {
      Files.writeString(page, html, StandardCharsets.UTF_8);
      for (Path p : htmlPages(folder)) {
        String s = Files.readString(p, StandardCharsets.UTF_8);
        Matcher m = DETAILS.matcher(s);
        if (!s.contains("id=\"" + LINK_ID + "\"") && m.find()) {
          Files.writeString(p, s.substring(0, m.end()) + "\n<div class=\"item\"><a id=\"" + LINK_ID + "\" href=\""
              + KeyGenReport.PAGE + "\">Key generation</a></div>" + s.substring(m.end()), StandardCharsets.UTF_8);
        }
      }
      return page;
    } catch (IOException e) {
      throw new SequelaException("cannot write " + page + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes the page of a run folder from its {@link KeyGenReport#JSON} (call once Gatling wrote index.html).
   *
   * @throws SequelaException when a file cannot be read or written
   */
  public static Path writeFromJson(Path folder) {
    return write(folder, KeyGenReport.readJson(folder.resolve(KeyGenReport.JSON)).pageBody());
  }

  private static List<Path> htmlPages(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".html")).sorted().toList();
    }
  }
}

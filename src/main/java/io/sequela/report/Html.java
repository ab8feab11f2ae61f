package io.sequela.report;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Builders for the content of sequela's report pages, as jsoup elements. Every figure, test name, host
 * name or label goes in as text ({@link Element#text}) or an attribute value, which jsoup escapes when
 * the page is written, so no string from a plan, a CSV or a database can add markup to a page.
 */
public final class Html {

  private Html() {}

  /**
   * An empty {@code div} to build a page's content in, owned by a document that writes without
   * re-indenting (what {@link Element#outerHtml()} shows is what the page gets).
   */
  public static Element content() {
    Document shell = Document.createShell("");
    shell.outputSettings().prettyPrint(false);
    return shell.body().appendElement("div");
  }

  /**
   * Appends an element holding text, then a line break in the source.
   *
   * @param tag e.g. {@code h2} or {@code p}
   * @return the new element
   */
  public static Element block(Element parent, String tag, String text) {
    Element e = parent.appendElement(tag).text(text);
    parent.appendText("\n");
    return e;
  }

  /** A number for a table cell: integers with thousands separators, others with 2 decimals, null as an en dash. */
  public static String number(Number n) {
    if (n == null) {
      return "\u2013";
    }
    if (n instanceof Long || n instanceof Integer) {
      return String.format(Locale.ROOT, "%,d", n.longValue());
    }
    return String.format(Locale.ROOT, "%,.2f", n.doubleValue());
  }

  /**
   * Appends a table in the report's table class with text cells.
   *
   * @param header the header cells' text
   * @param rows the cells' text per row
   * @return the table
   */
  public static Element table(Element parent, List<String> header, List<List<String>> rows) {
    Element body = table(parent, header);
    rows.forEach(r -> row(body, r));
    return body.parent();
  }

  /**
   * Appends an empty table in the report's table class with its header.
   *
   * @return its {@code tbody}, for {@link #row}
   */
  public static Element table(Element parent, List<String> header) {
    Element table = parent.appendElement("table").addClass("statistics-in").addClass("extensible-geant");
    parent.appendText("\n");
    Element tr = table.appendElement("thead").appendElement("tr");
    header.forEach(h -> tr.appendElement("th").addClass("header").appendElement("span").text(h));
    return table.appendElement("tbody");
  }

  /**
   * Appends a row of text cells to a {@link #table}'s body.
   *
   * @return the row
   */
  public static Element row(Element tbody, List<String> cells) {
    Element tr = tbody.appendElement("tr");
    cells.forEach(c -> tr.appendElement("td").addClass("value").text(c));
    tbody.appendText("\n");
    return tr;
  }
}

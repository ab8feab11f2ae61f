package io.sequela.report;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Builders for the content of sequela's report pages, as jsoup elements. Every figure, test name, host
 * name or label goes in as text ({@link Element#text}) or an attribute value, which jsoup escapes when
 * the page is written, so no string from a plan, a CSV or a database can add markup to a page.
 *
 * <p>Every page of sequela has one layout, in this order: the title ({@link #page}), the verdict or headline
 * ({@link #headline}), the stages, the figures, the charts, then the notes ({@link #section} headings for each).
 */
final class Html {

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
   * The shared layout's container: the report's {@code schema-container}, padded, with the page's title as its
   * first heading; append the headline next, then the sections.
   *
   * @param title e.g. {@code Sequence ordering and gaps}
   * @return the container
   */
  public static Element page(String title) {
    Element b = content().addClass("schema-container").addClass("sequela-page").attr("style", "display:block;padding:10px");
    b.appendText("\n");
    block(b, "h2", title);
    return b;
  }

  /**
   * Appends the page's verdict or headline: one line in bold, larger than the text, right under the title.
   *
   * @param text e.g. {@code 70_30_ratio: ORDER costs +12 µs per insert ...}
   * @return the paragraph (add more inline text to it when needed)
   */
  public static Element headline(Element page, String text) {
    Element p = block(page, "p", "").addClass("headline").attr("style", "font-size:1.2em;margin:6px 0");
    p.appendElement("b").text(text);
    return p;
  }

  /**
   * Appends a section heading of the layout (stages, figures, charts, notes, or a test's name).
   *
   * @return the heading
   */
  public static Element section(Element page, String heading) {
    return block(page, "h3", heading);
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

package io.sequela.report;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The edits sequela makes to Gatling's report pages (3.11 to 3.15 markup), on documents parsed by jsoup:
 * a menu item in the sub-menu ({@code #sousMenu}, after the Details item), and a sequela page made of
 * index.html's skeleton (head, header, menu) around sequela's content.
 */
final class GatlingPageEdits {

  private GatlingPageEdits() {}

  /**
   * A sequela page's item in the sub-menu.
   *
   * @param fileName the page's file, the link's target
   * @param label the item's text
   */
  record MenuItem(String fileName, String label) {

    /** The link's id, from the file name: {@code sequence-gaps.html} has {@code sequence_gaps_html_link}. */
    String linkId() {
      return fileName.replaceAll("\\W", "_") + "_link";
    }
  }

  /**
   * Adds a menu item after Gatling's Details item and the items sequela added after it.
   *
   * @return false, the page unchanged, when it has the item already or has no Details item (not a Gatling page)
   */
  static boolean addMenuItem(Document page, MenuItem item) {
    Element details = page.getElementById("details_link");
    if (page.getElementById(item.linkId()) != null || details == null || details.parent() == null) {
      return false;
    }
    Element last = details.parent();
    for (Element next = last.nextElementSibling(); next != null && next.hasClass("item"); next = next.nextElementSibling()) {
      last = next;
    }
    Element div = page.createElement("div").attr("class", "item ");
    div.appendElement("a").attr("id", item.linkId()).attr("href", item.fileName()).text(item.label());
    last.after(div);
    last.after(new TextNode("\n"));
    return true;
  }

  /**
   * A sequela page in the skeleton of Gatling's index.html: its head without Gatling's scripts (they draw
   * Gatling's charts), its header and menu with {@code item} as the open item, and {@code content} in
   * place of the page's article. Without Gatling's markup (no {@code content-in} block), a plain page
   * with the report's stylesheet.
   *
   * @param index index.html, parsed; it becomes the page
   * @param content moved into the page
   */
  static Document ownPage(Document index, MenuItem item, String title, Element content) {
    Element contentIn = index.selectFirst("div.content-in");
    if (contentIn == null) {
      return plainPage(title, content);
    }
    for (Element script : index.head().select("script")) {
      if (script.previousSibling() instanceof TextNode indent && indent.isBlank()) {
        indent.remove();
      }
      script.remove();
    }
    index.title(title);
    // Gatling's page scripts follow the article and fill it: they go with it
    for (Element e = contentIn; e != index.body(); e = e.parent()) {
      e.nextElementSiblings().remove();
    }
    contentIn.empty().appendText("\n");
    contentIn.appendElement("div").addClass("container-article").appendElement("div").addClass("article")
        .appendText("\n").appendChild(content).appendText("\n");
    contentIn.appendText("\n");
    index.select("#sousMenu div.item.ouvert").attr("class", "item ");
    addMenuItem(index, item);
    Element link = index.getElementById(item.linkId());
    if (link != null) {
      link.parent().attr("class", "item ouvert");
    }
    return index;
  }

  private static Document plainPage(String title, Element content) {
    Document page = Document.createShell("");
    page.head().appendElement("meta").attr("charset", "UTF-8");
    page.title(title);
    page.head().appendElement("link").attr("href", "style/style.css").attr("rel", "stylesheet").attr("type", "text/css");
    page.body().appendChild(content);
    return page;
  }
}

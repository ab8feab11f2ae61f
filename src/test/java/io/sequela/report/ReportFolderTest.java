package io.sequela.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFolderTest {

  @TempDir
  Path tmp;

  @Test
  void pagesAreLinkedOnceFromEveryPageInMenuOrder() throws Exception {
    ReportFolder folder = ReportFolder.at(ReportFixture.copyTo(tmp.resolve("probe-1")));
    folder.addPage("key-generation.html", "Key generation", "t", paragraph("keys"));
    folder.addPage("sequence-gaps.html", "Sequence gaps", "t", paragraph("gaps & more"));
    folder.addPage("sequence-gaps.html", "Sequence gaps", "t", paragraph("gaps again"));

    assertThat(folder.htmlPages()).hasSize(7);
    for (Path p : folder.htmlPages()) {
      String html = Files.readString(p);
      assertThat(count(html, "href=\"sequence-gaps.html\"")).as(p.toString()).isEqualTo(1);
      assertThat(count(html, "href=\"key-generation.html\"")).as(p.toString()).isEqualTo(1);
      assertThat(html.indexOf("details_link")).isLessThan(html.indexOf("key-generation.html"));
      assertThat(html.indexOf("key-generation.html")).isLessThan(html.indexOf("sequence-gaps.html"));
    }
    String page = Files.readString(folder.dir().resolve("sequence-gaps.html"));
    assertThat(page).contains("href=\"style/style.css\"", "<p>gaps again</p>", "id=\"sousMenu\"")
        .contains("<div class=\"item ouvert\"><a id=\"sequence_gaps_html_link\"")
        .doesNotContain("<div class=\"item ouvert\"><a href=\"index.html\"");
    assertThat(count(page, "<div")).isEqualTo(count(page, "</div>"));
  }

  @Test
  void everyGatlingPageGetsOneMenuItemPerSequelaPageAndKeepsItsOwnMarkup() throws Exception {
    ReportFolder folder = ReportFolder.at(ReportFixture.copyTo(tmp.resolve("probe-1")));
    List<String> ours = List.of("sequence-gaps.html", "key-generation.html", "query-stats.html");
    for (int run = 0; run < 2; run++) {
      for (String page : ours) {
        folder.addPage(page, page.replace(".html", ""), "t", paragraph(page));
      }
    }
    List<Path> gatlingPages = folder.htmlPages().stream()
        .filter(p -> !ours.contains(p.getFileName().toString())).toList();
    assertThat(gatlingPages).hasSize(5);
    for (Path p : folder.htmlPages()) {
      Document d = Jsoup.parse(p.toFile());
      Elements items = d.select("#sousMenu div.item");
      assertThat(items.eachText()).as(p.toString()).containsExactly("Global", "Details", "sequence-gaps", "key-generation",
          "query-stats");
      for (String page : ours) {
        assertThat(d.select("a[href=" + page + "]")).as(p + " links to " + page).hasSize(1);
      }
    }
    for (Path p : gatlingPages) {
      Document before = Jsoup.parse(ReportFixture.SOURCE.resolve(p.getFileName()).toFile());
      Document after = Jsoup.parse(p.toFile());
      after.select("#sousMenu div.item:gt(1)").remove();
      assertThat(after.select("script").eachAttr("src")).as("Gatling's scripts").isEqualTo(before.select("script").eachAttr("src"));
      assertThat(after.select("script").size()).isEqualTo(before.select("script").size());
      assertThat(normalised(after)).as(p + " apart from the menu").isEqualTo(normalised(before));
    }
  }

  @Test
  void userStringsOnAPageAreTextNotMarkup() throws Exception {
    ReportFolder folder = ReportFolder.at(ReportFixture.copyTo(tmp.resolve("probe-1")));
    Element content = Html.content();
    Html.block(content, "h3", "<script>alert('test')</script>");
    Html.table(content, List.of("host"), List.of(List.of("<img src=x onerror=alert(1)>")));
    SvgCharts.bars(content, List.of("</svg><script>alert(2)</script>"), List.of(List.of(1.0)), List.of("s"), "ms");
    Path page = folder.addPage("x.html", "<b>menu</b>", "</title><script>alert(3)</script>", content);

    String html = Files.readString(page);
    assertThat(html).contains("&lt;script&gt;alert('test')&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
        "&lt;/svg&gt;&lt;script&gt;alert(2)&lt;/script&gt;", "&lt;b&gt;menu&lt;/b&gt;");
    Document d = Jsoup.parse(html);
    assertThat(d.select("script").eachText()).noneMatch(s -> s.contains("alert"));
    assertThat(d.select("script").eachAttr("src")).isEmpty();
    assertThat(d.select("img[onerror]")).isEmpty();
    assertThat(d.title()).isEqualTo("</title><script>alert(3)</script>");
    assertThat(d.select(".article h3").text()).isEqualTo("<script>alert('test')</script>");
  }

  @Test
  void aFolderWithoutIndexIsRefusedInOneLine() {
    assertThatThrownBy(() -> ReportFolder.at(tmp)).isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessageEndingWith("not a Gatling report folder (no index.html)");
  }

  @Test
  void jsonIsWrittenWithJackson() throws Exception {
    ReportFolder folder = ReportFolder.at(ReportFixture.copyTo(tmp.resolve("r")));
    Path p = folder.writeJson("x.json", Map.of("a", 1));
    assertThat(Files.readString(p)).contains("\"a\" : 1");
  }

  private static Element paragraph(String text) {
    return Html.content().appendElement("p").text(text);
  }

  /** A page's text and element structure, whitespace aside: what a browser draws from it. */
  private static String normalised(Document d) {
    return d.body().html().replaceAll("\\s+", " ");
  }

  private static int count(String s, String token) {
    int n = 0;
    for (int i = s.indexOf(token); i >= 0; i = s.indexOf(token, i + 1)) {
      n++;
    }
    return n;
  }
}

package io.sequela.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFolderTest {

  @TempDir
  Path tmp;

  @Test
  void pagesAreLinkedOnceFromEveryPageInMenuOrder() throws Exception {
    ReportFolder folder = ReportFolder.at(ReportFixture.copyTo(tmp.resolve("probe-1")));
    folder.addPage("key-generation.html", "Key generation", "t", "<p>keys</p>");
    folder.addPage("sequence-gaps.html", "Sequence gaps", "t", "<p>gaps & more</p>");
    folder.addPage("sequence-gaps.html", "Sequence gaps", "t", "<p>gaps again</p>");

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

  private static int count(String s, String token) {
    int n = 0;
    for (int i = s.indexOf(token); i >= 0; i = s.indexOf(token, i + 1)) {
      n++;
    }
    return n;
  }
}

package io.sequela.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class SvgChartsTest {

  @Test
  void aChartWithNothingToDrawIsALineNotAnEmptyFrame() {
    Element b = Html.content();
    SvgCharts.bars(b, List.of("1", "2-3"), List.of(List.of(0.0, 0.0)), List.of("gaps"), "gaps");
    SvgCharts.scatter(b, List.of(), List.of("node 1"), "s", "id");
    SvgCharts.lines(b, List.of(new SvgCharts.Line("ORDER", List.of(), 0, false)), List.of(), "s", "µs", true);
    SvgCharts.bars(b, List.of("node 1"), List.of(Arrays.asList((Double) null)), List.of("ORDER p99"), "µs");
    assertThat(b.select("svg")).isEmpty();
    assertThat(b.select("p.no-data")).hasSize(4);
    assertThat(b.select("p.no-data").first().text()).contains("every value is 0 or missing (gaps)");
  }

  @Test
  void aChartWithDataDrawsMarks() {
    Element b = Html.content();
    SvgCharts.bars(b, List.of("1"), List.of(List.of(3.0)), List.of("gaps"), "gaps");
    assertThat(b.select("svg rect[height]").stream().anyMatch(r -> !r.attr("height").equals("0"))).isTrue();
  }
}

package io.sequela.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.gaps.GapAnalysis;
import io.sequela.gaps.GapAnalysisResult;
import io.sequela.gaps.Latencies;
import io.sequela.stats.QuerySample;
import io.sequela.stats.QueryStats;
import io.sequela.gaps.TimeBasis;
import io.sequela.db.Dialect;
import io.sequela.config.SequenceMode;
import io.sequela.db.SqlScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strings that come from users (a plan's test names, a query CSV's host names) reach the pages as text:
 * markup in them is escaped, never parsed, on every sequela page of a copy of a real Gatling report.
 */
class UserTextOnPagesTest {

  private static final String SCRIPT = "<script>alert('x')</script>";

  @TempDir
  Path tmp;

  @Test
  void aTestNameWithAScriptTagIsEscapedOnTheSequenceGapsPage() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:escape;DB_CLOSE_DELAY=-1");
    try (Connection c = ds.getConnection()) {
      SqlScripts.run(c, Dialect.H2, "setup.sql");
      insert(c, SequenceMode.ORDER, 1);
      insert(c, SequenceMode.NOORDER, 100);
    }
    GapAnalysisResult r = GapAnalysis.run(ds, Dialect.H2, "esc", List.of(SCRIPT), TimeBasis.SQL_DATE);
    Path run = ReportFixture.copyTo(tmp.resolve("seqordersimulation-1"));
    SequenceGapsReport.write(run, r, Latencies.none());

    String html = Files.readString(run.resolve(SequenceGapsReport.PAGE));
    assertThat(html).contains("<h3>&lt;script&gt;alert('x')&lt;/script&gt;: ORDER vs NOORDER</h3>").doesNotContain(SCRIPT);
    assertNoScriptOfOurs(Jsoup.parse(html));
    assertThat(Jsoup.parse(html).select(".article h3").eachText()).contains(SCRIPT + ": ORDER vs NOORDER", SCRIPT + " NOORDER");
  }

  @Test
  void aHostNameWithAScriptTagIsEscapedOnTheQueryStatsPage() throws Exception {
    List<QuerySample> samples = List.of(new QuerySample(1, SCRIPT, 0, 1_000_000, 3));
    QueryStats stats = QueryStats.of(samples, Map.of(1, List.of(SCRIPT)), "rendezvous", 0);
    Path run = ReportFixture.copyTo(tmp.resolve("querybenchsimulation-1"));
    QueryStatsReport.write(run, stats, samples);

    String html = Files.readString(run.resolve(QueryStatsReport.HTML));
    assertThat(html).contains("<td class=\"value\">&lt;script&gt;alert('x')&lt;/script&gt;</td>").doesNotContain(SCRIPT);
    assertNoScriptOfOurs(Jsoup.parse(html));
  }

  /** The page's only script is Gatling's theme switch before the header: none in the content. */
  private static void assertNoScriptOfOurs(Document page) {
    assertThat(page.select("script")).hasSize(1);
    assertThat(page.select("script").first().data()).contains("toggleTheme").doesNotContain("alert");
    assertThat(page.select(".content-in script")).isEmpty();
  }

  private static void insert(Connection c, SequenceMode mode, long firstId) throws Exception {
    LocalDateTime t0 = LocalDateTime.of(2026, 11, 21, 12, 0);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_execution (job_execution_id, py_date, sql_date,"
        + " node, test_name, run_id, seq_mode) VALUES (?, ?, ?, ?, ?, 'esc', ?)")) {
      for (int i = 0; i < 4; i++) {
        ps.setLong(1, firstId + i);
        ps.setObject(2, t0.plusSeconds(i));
        ps.setObject(3, t0.plusSeconds(i));
        ps.setInt(4, 1 + i % 2);
        ps.setString(5, SCRIPT);
        ps.setString(6, mode.name());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}

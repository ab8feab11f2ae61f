package io.sequela.querybench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import io.sequela.config.QueryBenchSettings;
import io.sequela.db.Dialect;
import io.sequela.db.Target;
import io.sequela.populate.Model;
import io.sequela.populate.ModelLoader;
import io.sequela.testing.Slow;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The query benchmark's default data set, loaded by the populator into the embedded PostgreSQL. */
class ModelCpuUsageTest {

  private static final LocalDateTime FIRST = LocalDateTime.parse("2017-01-01T00:00:00");
  private static final LocalDateTime LAST = LocalDateTime.parse("2017-01-02T23:59:50");

  @Test
  @Slow // loads the 345,600-row data set into PostgreSQL
  void defaultDataSetHasTheBenchmarkShapeAndCoversTheDefaultQueries() throws Exception {
    Target pg = Target.parse("embedded", null, null).resolve();
    ModelCpuUsage source = ModelCpuUsage.benchmarkDefault();
    assertThat(source.rows()).isEqualTo(345_600);
    assertThat(source.describe()).isEqualTo("populator model models/cpu_usage.conf, seed 2017, 345,600 rows");
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
        Statement st = c.createStatement()) {
      assertThat(CpuUsageTable.recreate(c, Dialect.POSTGRESQL, source)).isEqualTo(345_600);

      List<String> columns = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT column_name || ' ' || data_type FROM information_schema.columns "
          + "WHERE table_name = 'cpu_usage' ORDER BY ordinal_position")) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
      assertThat(columns).containsExactly("ts timestamp with time zone", "host text", "usage double precision");
      try (ResultSet rs = st.executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename = 'cpu_usage'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).endsWith("USING btree (host, ts)");
        assertThat(rs.next()).as("one index").isFalse();
      }

      List<String> hosts = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT host, count(*), count(DISTINCT ts), min(ts) AT TIME ZONE 'UTC', "
          + "max(ts) AT TIME ZONE 'UTC', min(usage) >= 0 AND max(usage) <= 100, "
          + "max(ts) - min(ts) = (count(*) - 1) * interval '10 seconds' FROM cpu_usage GROUP BY host ORDER BY host")) {
        while (rs.next()) {
          hosts.add(rs.getString(1));
          assertThat(rs.getLong(2)).as(rs.getString(1)).isEqualTo(17_280);
          assertThat(rs.getLong(3)).as("one row per 10 s").isEqualTo(17_280);
          assertThat(rs.getObject(4, LocalDateTime.class)).isEqualTo(FIRST);
          assertThat(rs.getObject(5, LocalDateTime.class)).isEqualTo(LAST);
          assertThat(rs.getBoolean(6)).as("usage in [0, 100]").isTrue();
          assertThat(rs.getBoolean(7)).as("evenly spaced").isTrue();
        }
      }
      assertThat(hosts).containsExactlyElementsOf(
          IntStream.range(0, 20).mapToObj(i -> String.format("host_%06d", i)).toList());

      for (QueryParams q : QueryParamsCsv.readResource(QueryBenchSettings.DEFAULT_QUERIES)) {
        assertThat(hosts).as("line %d", q.line()).contains(q.hostname());
        assertThat(q.start()).as("line %d", q.line()).isAfterOrEqualTo(FIRST);
        assertThat(q.end()).as("line %d", q.line()).isBeforeOrEqualTo(LAST);
      }
    }
  }

  @Test
  void aModelOfAnotherShapeIsRefusedInOneLine() {
    Model wrong = ModelLoader.parseString("tables.cpu_usage { rows = 10, columns = ["
        + "{ name = ts, type = timestamptz, gen = timestamp }, { name = host, type = bigint, gen = sequence },"
        + "{ name = usage, type = \"double precision\", gen = uniform, min = 0, max = 1 } ] }");
    assertThatThrownBy(() -> ModelCpuUsage.of("m.conf", wrong))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("m.conf: tables.cpu_usage.columns: must be ts timestamptz, host text, usage double precision "
            + "for the query benchmark, got ts timestamptz, host bigint, usage double precision");
    Model none = ModelLoader.parseString("tables.other { rows = 1, columns = [{ name = id, type = bigint, gen = sequence }] }");
    assertThatThrownBy(() -> ModelCpuUsage.of("m.conf", none))
        .hasMessage("m.conf: tables.cpu_usage: no such table in the model");
  }
}

package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.db.CpuUsageQuery.MinuteRow;
import io.sequela.querybench.CpuUsageTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CpuUsageQueryTest {

  private static Target pg;

  /** A tiny hand-made data set: host h1 around 10:00-10:02 UTC, plus a neighbour host h2. */
  @BeforeAll
  static void load() throws Exception {
    pg = Target.parse("embedded", null, null).resolve();
    try (Connection c = connect()) {
      CpuUsageTable.recreate(c, Dialect.POSTGRESQL, (conn, dialect) -> {
        try (Statement st = conn.createStatement()) {
          return st.executeUpdate("""
              INSERT INTO cpu_usage (ts, host, usage) VALUES
                ('2017-01-01 09:59:59+00', 'h1', 50), ('2017-01-01 10:00:00+00', 'h1', 5),
                ('2017-01-01 10:00:30+00', 'h1', 7),  ('2017-01-01 10:00:50+00', 'h1', 3),
                ('2017-01-01 10:01:00+00', 'h1', 9),  ('2017-01-01 10:01:59.999+00', 'h1', 1),
                ('2017-01-01 10:02:00+00', 'h1', 4),  ('2017-01-01 10:02:10+00', 'h1', 100),
                ('2017-01-01 10:00:40+00', 'h2', 77)""");
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      });
    }
  }

  private static Connection connect() throws Exception {
    return DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
  }

  private static List<MinuteRow> run(CpuUsageQuery query, Connection c, String host, String start, String end) {
    return query.run(c, host, LocalDateTime.parse(start), LocalDateTime.parse(end));
  }

  private static MinuteRow row(String minute, double max, double min) {
    return new MinuteRow(Instant.parse(minute), max, min);
  }

  @Test
  void maxAndMinPerMinuteWithInclusiveEndsAndPartialFirstMinute() throws Exception {
    try (Connection c = connect()) {
      // a session far from UTC (+05:30) must not shift the range or the minutes
      try (Statement st = c.createStatement()) {
        st.execute("SET TIME ZONE 'Asia/Kolkata'");
      }
      CpuUsageQuery query = CpuUsageQuery.detect(c);
      assertThat(query).isEqualTo(CpuUsageQuery.DATE_TRUNC);
      assertThat(run(query, c, "h1", "2017-01-01T10:00:30", "2017-01-01T10:02:00")).containsExactly(
          row("2017-01-01T10:00:00Z", 7, 3), row("2017-01-01T10:01:00Z", 9, 1), row("2017-01-01T10:02:00Z", 4, 4));
      assertThat(run(query, c, "h1", "2017-01-01T09:59:59", "2017-01-01T09:59:59"))
          .containsExactly(row("2017-01-01T09:59:00Z", 50, 50));
    }
  }

  @Test
  void unknownHostOrEmptyRangeReturnsNoRows() throws Exception {
    try (Connection c = connect()) {
      assertThat(run(CpuUsageQuery.DATE_TRUNC, c, "nobody", "2017-01-01T00:00:00", "2017-01-02T00:00:00")).isEmpty();
      assertThat(run(CpuUsageQuery.DATE_TRUNC, c, "h1", "2017-01-01T10:02:01", "2017-01-01T10:02:09")).isEmpty();
    }
  }

  @Test
  void timeBucketVariantNamesTheExtensionFunction() {
    assertThat(CpuUsageQuery.TIME_BUCKET.jdbcSql()).contains("time_bucket('1 minute', ts)");
    assertThat(CpuUsageQuery.DATE_TRUNC.namedSql()).contains("host = {host}").contains("CAST({start_time} AS timestamp)")
        .startsWith(CpuUsageQuery.MARKER);
  }

  @Test
  void timingDataSourceTimesMarkedQueriesAndCountsTheirRows() throws Exception {
    List<Object[]> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    var cfg = TimingDataSource.poolConfig(pg, "timing-test", 1, CpuUsageQuery.MARKER,
        (key, start, nanos, rows) -> seen.add(new Object[] {key, nanos, rows}));
    try (var ds = new com.zaxxer.hikari.HikariDataSource(cfg); Connection c = ds.getConnection()) {
      try (var ps = c.prepareStatement(CpuUsageQuery.DATE_TRUNC.jdbcSql())) {
        ps.setString(1, "h1");
        ps.setString(2, "2017-01-01 10:00:30");
        ps.setString(3, "2017-01-01 10:02:00");
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            rs.getDouble(2);
          }
        }
      }
      try (var ps = c.prepareStatement("SELECT count(*) FROM cpu_usage WHERE host = ?")) {
        ps.setString(1, "h1");
        ps.executeQuery().close();
      }
    }
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0)[0]).isEqualTo("h1");
    assertThat((long) seen.get(0)[1]).isPositive();
    assertThat(seen.get(0)[2]).isEqualTo(3L);
  }
}

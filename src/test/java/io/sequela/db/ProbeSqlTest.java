package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The probes each dialect gives: on the embedded PostgreSQL the index size, WAL and block counters move with
 * inserts, the statistics flush and the wait-event sample query run; H2 gives none and says so.
 */
class ProbeSqlTest {

  private static final Dialect PG = Dialect.POSTGRESQL;

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  @Test
  void postgresqlCountersGrowWithInsertsAndItsStatementsRun() throws SQLException {
    Target pg = Target.parse("embedded", null, null).resolve();
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
      execute(c, "DROP TABLE IF EXISTS probed");
      execute(c, "CREATE TABLE probed (k bigint CONSTRAINT probed_pk PRIMARY KEY)");
      execute(c, PG.checkpointSql());
      ProbeSql.IndexCounters before = PG.indexCounters(c, "probed_pk");
      execute(c, "INSERT INTO probed SELECT g FROM generate_series(1, 20000) g");
      String flush = PG.flushStatisticsSql(c).orElseThrow();
      execute(c, flush);
      ProbeSql.IndexCounters after = PG.indexCounters(c, "probed_pk");
      assertThat(after.indexBytes()).isGreaterThan(before.indexBytes());
      assertThat(after.blocksRead() + after.blocksHit()).isGreaterThan(before.blocksRead() + before.blocksHit());
      assertThat(PG.walBytes(c, before.walPosition(), after.walPosition())).isGreaterThan(20000L * 8);
      assertThat(PG.walBytes(c, null, after.walPosition())).isNull();
      assertThat(PG.indexCounters(c, "no_such_index")).isEqualTo(ProbeSql.IndexCounters.NONE);
      try (PreparedStatement ps = c.prepareStatement(PG.waitEventSampleQuery().orElseThrow())) {
        ps.setString(1, "%");
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            assertThat(rs.getString(1)).isNotBlank();
          }
        }
      }
      execute(c, PG.vacuumAnalyzeSql("probed").orElseThrow());
    }
    assertThat(PG.reportsWalAndBlockCounters()).isTrue();
    assertThat(PG.reportsWaitEvents()).isTrue();
    assertThat(PG.missingFiguresNote()).isEmpty();
  }

  @Test
  void h2GivesNoFiguresAndItsReportSaysSo() throws SQLException {
    Dialect h2 = Dialect.H2;
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:probes;DB_CLOSE_DELAY=-1", "sa", "")) {
      execute(c, "CREATE TABLE probed (k BIGINT CONSTRAINT probed_pk PRIMARY KEY)");
      execute(c, h2.checkpointSql());
      assertThat(h2.indexCounters(c, "probed_pk")).isEqualTo(ProbeSql.IndexCounters.NONE);
      assertThat(h2.flushStatisticsSql(c)).isEmpty();
    }
    assertThat(h2.reportsWalAndBlockCounters()).isFalse();
    assertThat(h2.reportsWaitEvents()).isFalse();
    assertThat(h2.missingFiguresNote()).hasValueSatisfying(n -> assertThat(n).startsWith("H2:"));
    assertThat(Dialect.ORACLE.reportsWaitEvents()).isTrue();
    assertThat(Dialect.ORACLE.reportsWalAndBlockCounters()).isFalse();
    assertThat(Dialect.ORACLE.sessionModuleSql("sequela keygen")).hasValue(
        "BEGIN DBMS_APPLICATION_INFO.SET_MODULE('sequela keygen', NULL); END;");
  }
}

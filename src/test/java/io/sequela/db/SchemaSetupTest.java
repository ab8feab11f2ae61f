package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class SchemaSetupTest {

  @Test
  void postgresqlSetupIsIdempotentAndFillsIdAndSqlDate() throws Exception {
    Target t = Target.parse("embedded", null, null).resolve();
    try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.user(), t.password())) {
      SqlScripts.run(c, Dialect.POSTGRESQL, "setup.sql");
      SqlScripts.run(c, Dialect.POSTGRESQL, "setup.sql");
      assertInsertGetsIdAndClock(c);
    }
  }

  @Test
  void h2SetupIsIdempotentAndFillsIdAndSqlDate() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:setup;DB_CLOSE_DELAY=-1")) {
      SqlScripts.run(c, Dialect.H2, "setup.sql");
      SqlScripts.run(c, Dialect.H2, "setup.sql");
      assertInsertGetsIdAndClock(c);
    }
  }

  private static void assertInsertGetsIdAndClock(Connection c) throws Exception {
    try (var ps = c.prepareStatement("INSERT INTO job_execution (py_date, node, test_name, run_id, seq_mode) VALUES (?, 1, 't', 'schema-test', 'ORDER')")) {
      ps.setObject(1, LocalDateTime.now());
      ps.executeUpdate();
      ps.executeUpdate();
    }
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT MOD(job_execution_id, 100000000), job_execution_id / 100000000, sql_date FROM job_execution WHERE run_id = 'schema-test' ORDER BY job_execution_id")) {
      assertThat(rs.next()).isTrue();
      long first = rs.getLong(1);
      assertThat(first).isGreaterThanOrEqualTo(261);
      assertThat(rs.getLong(2)).isBetween(20200101L, 21000101L);
      assertThat(rs.getTimestamp(3)).isNotNull();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(first + 1);
    }
  }
}

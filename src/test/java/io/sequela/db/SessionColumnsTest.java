package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A JOB_EXECUTION created before DB_SESSION and DB_INSTANCE existed gains them in the schema step: the rows
 * already there keep null, new rows get the inserting session's id from the dialect's default.
 */
class SessionColumnsTest {

  /** The table as setup.sql created it before the session columns (H2's own DDL of that version). */
  private static final String OLD_TABLE = "CREATE TABLE job_execution (job_execution_id BIGINT NOT NULL,"
      + " py_date TIMESTAMP(6) NOT NULL, sql_date TIMESTAMP(6) NOT NULL DEFAULT LOCALTIMESTAMP, node INTEGER NOT NULL,"
      + " test_name VARCHAR(128) NOT NULL, run_id VARCHAR(64) NOT NULL, seq_mode VARCHAR(8) NOT NULL)";
  private static final String INSERT = "INSERT INTO job_execution (job_execution_id, py_date, node, test_name, run_id,"
      + " seq_mode) VALUES (%d, LOCALTIMESTAMP, 1, 't', 'r', 'ORDER')";

  @Test
  void anOldH2TableGainsTheColumnsAndOldRowsKeepNull() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:session-columns;DB_CLOSE_DELAY=-1");
        Statement st = c.createStatement()) {
      st.execute(OLD_TABLE);
      st.execute(String.format(INSERT, 1));
      assertThat(SessionColumns.missing(c)).containsExactly("db_session", "db_instance");
      assertThat(SessionColumns.missingNote(c, Dialect.H2).orElseThrow())
          .contains("job_execution lacks db_session and db_instance", "ALTER TABLE job_execution ADD COLUMN db_session",
              "SET DEFAULT SESSION_ID()", "-Dsequela.schema=create")
          .doesNotContain("\n");

      assertThat(SessionColumns.addMissing(c, Dialect.H2)).hasSize(3);
      assertThat(SessionColumns.missing(c)).isEmpty();
      assertThat(SessionColumns.addMissing(c, Dialect.H2)).as("idempotent").isEmpty();
      assertThat(SessionColumns.missingNote(c, Dialect.H2)).isEmpty();

      st.execute(String.format(INSERT, 2));
      try (ResultSet rs = st.executeQuery("SELECT job_execution_id, db_session, db_instance, SESSION_ID()"
          + " FROM job_execution ORDER BY 1")) {
        rs.next();
        assertThat(rs.getObject(2)).as("a row from before keeps null").isNull();
        rs.next();
        assertThat(rs.getLong(2)).as("the inserting session").isEqualTo(rs.getLong(4));
        assertThat(rs.getObject(3)).as("one instance: null").isNull();
      }
    }
  }

  @Test
  void oracleGetsSidAndInstanceAsDefaultsInItsOwnSpelling() {
    assertThat(SessionColumns.addStatements(Dialect.ORACLE, java.util.List.of("db_session", "db_instance")))
        .containsExactly("ALTER TABLE job_execution ADD (db_session NUMBER(19))",
            "ALTER TABLE job_execution MODIFY (db_session DEFAULT TO_NUMBER(SYS_CONTEXT('USERENV', 'SID')))",
            "ALTER TABLE job_execution ADD (db_instance VARCHAR2(64))",
            "ALTER TABLE job_execution MODIFY (db_instance DEFAULT SYS_CONTEXT('USERENV', 'INSTANCE'))");
    assertThat(Dialect.POSTGRESQL.sessionExpression()).isEqualTo("pg_backend_pid()");
    assertThat(Dialect.POSTGRESQL.instanceExpression()).isEmpty();
  }
}

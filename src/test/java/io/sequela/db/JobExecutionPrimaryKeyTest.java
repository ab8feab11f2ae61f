package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import io.sequela.testing.EmbeddedDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * sequela's primary key JOB_EXECUTION_PK: a new table has it from setup.sql, an old table without it gains it,
 * and when the run may not add it (not the owner, or sequela.schema=none) it says in one line what to run.
 * PostgreSQL tests work in schemas of their own so the shared JOB_EXECUTION is not touched.
 */
class JobExecutionPrimaryKeyTest {

  private static final String OLD_TABLE = "CREATE TABLE job_execution (job_execution_id bigint NOT NULL, py_date timestamp(6) NOT NULL, "
      + "sql_date timestamp(6) NOT NULL, node integer NOT NULL, test_name varchar(128) NOT NULL, run_id varchar(64) NOT NULL, "
      + "seq_mode varchar(8) NOT NULL)";
  private static final String ADD = "ALTER TABLE job_execution ADD CONSTRAINT job_execution_pk PRIMARY KEY (job_execution_id)";

  private static Connection inSchema(Target pg, String schema) throws SQLException {
    Connection c = EmbeddedDb.connect(pg);
    try (Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      st.execute("CREATE SCHEMA " + schema);
      st.execute("SET search_path TO " + schema);
    }
    return c;
  }

  @Test
  void aNewPostgresqlTableHasItAndADuplicateIdIsAUniqueViolation() throws Exception {
    Target pg = EmbeddedDb.withJobExecutionSchema();
    try (Connection c = inSchema(pg, "pk_new"); Statement st = c.createStatement()) {
      SqlScripts.run(c, Dialect.POSTGRESQL, "setup.sql");
      assertThat(JobExecutionTable.hasPrimaryKey(c)).isTrue();
      st.execute("INSERT INTO job_execution (job_execution_id, py_date, node, test_name, run_id, seq_mode) "
          + "VALUES (7, now(), 1, 't', 'r', 'ORDER')");
      assertThatThrownBy(() -> st.execute("INSERT INTO job_execution (job_execution_id, py_date, node, test_name, run_id, "
          + "seq_mode) VALUES (7, now(), 1, 't', 'r', 'ORDER')"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"))
          .hasMessageContaining("job_execution_pk");
    } finally {
      dropSchema(pg, "pk_new");
    }
  }

  @Test
  void anOldPostgresqlTableGainsItOnTheNextRun() throws Exception {
    Target pg = EmbeddedDb.withJobExecutionSchema();
    try (Connection c = inSchema(pg, "pk_old"); Statement st = c.createStatement()) {
      st.execute(OLD_TABLE);
      SqlScripts.run(c, Dialect.POSTGRESQL, "setup.sql");
      assertThat(JobExecutionTable.hasPrimaryKey(c)).as("setup.sql leaves an existing table as it is").isFalse();
      assertThatThrownBy(() -> JobExecutionTable.ensurePrimaryKey(c, Dialect.POSTGRESQL, false))
          .isInstanceOf(SequelaException.DatabaseFailure.class)
          .hasMessage("JOB_EXECUTION has no primary key and sequela.schema=none leaves the table alone: run " + ADD);
      JobExecutionTable.ensurePrimaryKey(c, Dialect.POSTGRESQL, true);
      assertThat(JobExecutionTable.hasPrimaryKey(c)).isTrue();
      JobExecutionTable.ensurePrimaryKey(c, Dialect.POSTGRESQL, false);
    } finally {
      dropSchema(pg, "pk_old");
    }
  }

  @Test
  void aUserWhoMayNotAlterTheTableIsToldWhatToRun() throws Exception {
    Target pg = EmbeddedDb.withJobExecutionSchema();
    try (Connection owner = inSchema(pg, "pk_guest"); Statement st = owner.createStatement()) {
      st.execute(OLD_TABLE);
      st.execute("DROP ROLE IF EXISTS pk_guest");
      st.execute("CREATE ROLE pk_guest LOGIN");
      st.execute("GRANT USAGE ON SCHEMA pk_guest TO pk_guest");
      st.execute("GRANT SELECT, INSERT ON job_execution TO pk_guest");
      try (Connection guest = DriverManager.getConnection(pg.jdbcUrl(), "pk_guest", null); Statement g = guest.createStatement()) {
        g.execute("SET search_path TO pk_guest");
        assertThatThrownBy(() -> JobExecutionTable.ensurePrimaryKey(guest, Dialect.POSTGRESQL, true))
            .isInstanceOf(SequelaException.DatabaseFailure.class)
            .hasMessageContaining("must be owner of table job_execution")
            .hasMessageEndingWith("ask the table's owner to run " + ADD)
            .hasMessageNotContaining("\n");
      }
      assertThat(JobExecutionTable.hasPrimaryKey(owner)).isFalse();
    } finally {
      dropSchema(pg, "pk_guest");
      try (Connection c = EmbeddedDb.connect(pg); Statement st = c.createStatement()) {
        st.execute("DROP ROLE IF EXISTS pk_guest");
      }
    }
  }

  @Test
  void onH2ANewTableHasItAndAnOldOneGainsIt() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:pk_new;DB_CLOSE_DELAY=-1")) {
      SqlScripts.run(c, Dialect.H2, "setup.sql");
      assertThat(JobExecutionTable.hasPrimaryKey(c)).isTrue();
    }
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:pk_old;DB_CLOSE_DELAY=-1"); Statement st = c.createStatement()) {
      st.execute(OLD_TABLE);
      SqlScripts.run(c, Dialect.H2, "setup.sql");
      assertThat(JobExecutionTable.hasPrimaryKey(c)).isFalse();
      JobExecutionTable.ensurePrimaryKey(c, Dialect.H2, true);
      assertThat(JobExecutionTable.hasPrimaryKey(c)).isTrue();
    }
  }

  private static void dropSchema(Target pg, String schema) throws SQLException {
    try (Connection c = EmbeddedDb.connect(pg); Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }
}

package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.config.SequenceMode;
import io.sequela.testing.EmbeddedDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The verified mode switch on real databases: the read-back gives what the switch set (PostgreSQL
 * pg_sequences.cache_size, H2 INFORMATION_SCHEMA.SEQUENCES), a sequence left in another state and a switch the
 * database refuses are failures carrying what was read or the database's message.
 */
class SequenceSwitchTest {

  private static final String SEQ = "seq_switch_test";

  @Test
  void onPostgresqlEachModeReadsBackItsCacheAndAWrongStateIsAFailure() throws Exception {
    Target pg = EmbeddedDb.withJobExecutionSchema();
    try (Connection c = EmbeddedDb.connect(pg); Statement st = c.createStatement()) {
      st.execute("DROP SEQUENCE IF EXISTS " + SEQ);
      st.execute("CREATE SEQUENCE " + SEQ + " CACHE 7");
      assertThat(SequenceSwitch.apply(c, Dialect.POSTGRESQL, SEQ, SequenceMode.NOORDER, 40)).isEqualTo(new SequenceAttributes(40, null));
      assertThat(SequenceSwitch.apply(c, Dialect.POSTGRESQL, SEQ, SequenceMode.ORDER, 40)).isEqualTo(new SequenceAttributes(1, null));
      st.execute("ALTER SEQUENCE " + SEQ + " CACHE 5");
      assertThatThrownBy(() -> SequenceSwitch.verify(c, Dialect.POSTGRESQL, SEQ, SequenceMode.NOORDER, 40))
          .isInstanceOf(SequenceSwitch.Failed.class)
          .hasMessage(SEQ + " reads back CACHE 5, expected CACHE 40 for NOORDER");
      assertThatThrownBy(() -> SequenceSwitch.verify(c, Dialect.POSTGRESQL, "seq_switch_missing", SequenceMode.ORDER, 40))
          .hasMessageContaining("not found");
    }
  }

  @Test
  void onPostgresqlARefusedSwitchCarriesTheDatabasesMessageOnOneLine() throws Exception {
    Target pg = EmbeddedDb.withJobExecutionSchema();
    try (Connection c = EmbeddedDb.connect(pg); Statement st = c.createStatement()) {
      st.execute("DROP SEQUENCE IF EXISTS " + SEQ);
      st.execute("CREATE SEQUENCE " + SEQ + " CACHE 7");
      st.execute("CREATE OR REPLACE FUNCTION switch_test_refuse() RETURNS event_trigger LANGUAGE plpgsql AS $$ "
          + "BEGIN IF current_query() ILIKE '%" + SEQ + " CACHE 40%' THEN RAISE EXCEPTION 'no NOORDER here'; END IF; END $$");
      st.execute("CREATE EVENT TRIGGER switch_test_refuse ON ddl_command_start WHEN TAG IN ('ALTER SEQUENCE') "
          + "EXECUTE FUNCTION switch_test_refuse()");
      try {
        assertThatThrownBy(() -> SequenceSwitch.apply(c, Dialect.POSTGRESQL, SEQ, SequenceMode.NOORDER, 40))
            .isInstanceOf(SequenceSwitch.Failed.class)
            .hasMessageStartingWith("'ALTER SEQUENCE " + SEQ + " CACHE 40' failed: ERROR: no NOORDER here")
            .hasMessageNotContaining("\n");
        assertThat(SequenceSwitch.verify(c, Dialect.POSTGRESQL, SEQ, SequenceMode.NOORDER, 7)).isEqualTo(new SequenceAttributes(7, null));
      } finally {
        st.execute("DROP EVENT TRIGGER switch_test_refuse");
      }
    }
  }

  @Test
  void onH2EachModeReadsBackItsCache() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:switch;DB_CLOSE_DELAY=-1"); Statement st = c.createStatement()) {
      st.execute("CREATE SEQUENCE " + SEQ + " CACHE 7");
      assertThat(SequenceSwitch.apply(c, Dialect.H2, SEQ, SequenceMode.NOORDER, 30)).isEqualTo(new SequenceAttributes(30, null));
      assertThat(SequenceSwitch.apply(c, Dialect.H2, SEQ, SequenceMode.ORDER, 30)).isEqualTo(new SequenceAttributes(1, null));
      assertThatThrownBy(() -> SequenceSwitch.verify(c, Dialect.H2, SEQ, SequenceMode.NOORDER, 30))
          .hasMessage(SEQ + " reads back CACHE 1, expected CACHE 30 for NOORDER");
    }
  }

  @Test
  void oracleExpectsItsCacheInBothModesAndTheOrderFlag() {
    assertThat(Dialect.ORACLE.expectedAttributes(SequenceMode.ORDER, 100)).isEqualTo(new SequenceAttributes(100, "Y"));
    assertThat(Dialect.ORACLE.expectedAttributes(SequenceMode.NOORDER, 100)).isEqualTo(new SequenceAttributes(100, "N"));
    assertThat(Dialect.named("mariadb").expectedAttributes(SequenceMode.ORDER, 100)).as("NOCACHE")
        .isEqualTo(new SequenceAttributes(0, null));
  }
}

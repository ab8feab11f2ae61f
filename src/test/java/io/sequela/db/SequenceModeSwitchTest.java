package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.config.SequenceMode;
import io.sequela.testing.EmbeddedDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mode switch is observable in PostgreSQL: under NOORDER two fresh sessions draw from different cache
 * blocks, under ORDER they share one counter, whatever the order in which modes are switched.
 */
class SequenceModeSwitchTest {

  private static final String SEQ = "seq_job_execution_id";
  private static final int CACHE = 50;
  private static Target pg;

  @BeforeAll
  static void schema() throws SQLException {
    pg = EmbeddedDb.withJobExecutionSchema();
  }

  private static Connection connect() throws SQLException {
    return EmbeddedDb.connect(pg);
  }

  private static void switchTo(SequenceMode mode) throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      for (String sql : Dialect.POSTGRESQL.switchSequence(SEQ, mode, CACHE)) {
        st.execute(sql);
      }
    }
  }

  /** Alternates nextval between two fresh sessions: a1, b1, a2, b2. */
  private static long[] alternate() throws SQLException {
    try (Connection a = connect(); Connection b = connect()) {
      return new long[] {next(a), next(b), next(a), next(b)};
    }
  }

  private static long next(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(Dialect.POSTGRESQL.nextvalQuery(SEQ))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void noorderGivesEachSessionItsOwnBlockAndOrderDoesNot() throws SQLException {
    for (SequenceMode mode : List.of(SequenceMode.NOORDER, SequenceMode.ORDER, SequenceMode.NOORDER, SequenceMode.ORDER)) {
      switchTo(mode);
      long[] v = alternate();
      if (mode == SequenceMode.NOORDER) {
        assertThat(v[1] - v[0]).as("session B starts a new cache block").isEqualTo(CACHE);
        assertThat(v[2]).as("session A continues its own block").isEqualTo(v[0] + 1);
        assertThat(v[3]).isEqualTo(v[1] + 1);
      } else {
        assertThat(v).as("one shared counter in call order").containsExactly(v[0], v[0] + 1, v[0] + 2, v[0] + 3);
      }
    }
  }
}

package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.keys.KeyStrategy;
import io.sequela.keys.KeyTables;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Oracle's SQL strings run on H2 in Oracle mode where H2 accepts them: key-table CREATE TABLE, primary key
 * and CREATE SEQUENCE (CACHE n and NOCACHE), the nextval query, the populator's column types and the
 * statement clock. Not checked here, as H2 rejects them: PL/SQL blocks (drops, sequence-block reserve),
 * {@code MODIFY (c DEFAULT ...)}, {@code ORDER}/{@code NOORDER} and {@code SCALE}.
 */
class OracleSqlOnH2Test {

  private static final Dialect ORACLE = Dialect.ORACLE;

  private static Connection oracleMode(String db) throws SQLException {
    return DriverManager.getConnection("jdbc:h2:mem:" + db + ";MODE=Oracle;DB_CLOSE_DELAY=-1", "sa", "");
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  @Test
  void keyTablesAndTheirSequencesAreCreatedAndTheSequenceStartsAfterTheSeededKeys() throws SQLException {
    try (Connection c = oracleMode("oracle_keys")) {
      for (KeyStrategy s : KeyStrategy.all(ORACLE)) {
        execute(c, KeyTables.create(ORACLE, s));
        List<String> finish = KeyTables.finish(ORACLE, s, 4, s == KeyStrategy.SEQ ? 1 : 10);
        execute(c, finish.get(0));
        if (s.sequenceName() != null && s != KeyStrategy.SEQ_SCALE) {
          assertThat(finish.get(1)).endsWith(s == KeyStrategy.SEQ ? " NOCACHE" : " CACHE 10");
          execute(c, finish.get(1));
          try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(ORACLE.nextvalQuery(s.sequenceName()))) {
            rs.next();
            assertThat(rs.getLong(1)).as(s.id()).isEqualTo(4);
          }
        }
      }
    }
    assertThat(KeyTables.create(ORACLE, KeyStrategy.SEQ_SCALE)).contains("NUMBER(28)");
    assertThat(KeyTables.finish(ORACLE, KeyStrategy.SEQ_SCALE, 1, 10).get(1)).endsWith(" CACHE 10 SCALE NOEXTEND");
    assertThat(KeyStrategy.all(ORACLE)).contains(KeyStrategy.SEQ_SCALE);
    assertThat(KeyStrategy.all(Dialect.POSTGRESQL)).doesNotContain(KeyStrategy.SEQ_SCALE);
  }

  @Test
  void everyModelColumnTypeIsAcceptedAndTheClockIsReadable() throws SQLException {
    List<String> types = List.of("smallint", "integer", "bigint", "double precision", "text", "varchar", "char",
        "timestamp", "timestamptz", "uuid");
    StringBuilder cols = new StringBuilder();
    for (int i = 0; i < types.size(); i++) {
      cols.append(i == 0 ? "" : ", ").append("c").append(i).append(' ').append(ORACLE.columnType(types.get(i), 12)).append(" NOT NULL");
    }
    try (Connection c = oracleMode("oracle_types")) {
      execute(c, "CREATE TABLE all_types (" + cols + ")");
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT " + ORACLE.statementClock() + " FROM dual")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getTimestamp(1)).isNotNull();
      }
    }
    assertThat(cols).contains("VARCHAR2(12)").contains("CHAR(12)").contains("RAW(16)").contains("BINARY_DOUBLE");
  }
}

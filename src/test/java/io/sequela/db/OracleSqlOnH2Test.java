package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.keys.KeyStrategy;
import io.sequela.keys.KeyTables;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Oracle's SQL strings run on H2 in Oracle mode where H2 accepts them: key-table CREATE TABLE, primary key
 * and CREATE SEQUENCE (CACHE n and NOCACHE), the nextval query, the populator's column types, the statement
 * clock, the ASH query by SAMPLE_TIME_UTC and the GV$SYSTEM_EVENT reading (on tables standing in for the views,
 * with their columns), and the verify projections but the MD5 (STANDARD_HASH and TO_NUMBER with a hex format are
 * not H2's). Not run here, as H2 rejects them (checked by {@link OracleDialectGrammarTest} instead): PL/SQL blocks
 * (drops, sequence-block reserve), {@code MODIFY (c DEFAULT ...)}, {@code ORDER}/{@code NOORDER} and {@code SCALE}.
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
    // CHAR length semantics: a varchar(12) of the model holds 12 characters, as in PostgreSQL, whatever their bytes
    assertThat(cols).contains("VARCHAR2(12 CHAR)").contains("CHAR(12 CHAR)").contains("RAW(16)").contains("BINARY_DOUBLE");
  }
  @Test
  void ashIsReadByTheUtcWindowWhateverTheJvmTimeZone() throws SQLException {
    TimeZone jvm = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati")); // UTC+14: a local-time window misses everything
    try (Connection c = oracleMode("oracle_ash")) {
      execute(c, "CREATE TABLE gv$active_session_history (inst_id NUMBER(10), module VARCHAR2(64), event VARCHAR2(64), "
          + "sample_time_utc TIMESTAMP(3))");
      execute(c, "INSERT INTO gv$active_session_history VALUES (1, 'sequela keygen', 'enq: TX - index contention', "
          + "TIMESTAMP '2026-01-01 10:00:01'), (2, 'sequela keygen', 'enq: TX - index contention', TIMESTAMP '2026-01-01 10:00:02'), "
          + "(1, 'sequela keygen', NULL, TIMESTAMP '2026-01-01 10:00:03'), (1, 'other job', 'log file sync', "
          + "TIMESTAMP '2026-01-01 10:00:03'), (1, 'sequela keygen', 'db file sequential read', TIMESTAMP '2026-01-01 11:00:00')");
      Instant from = Instant.parse("2026-01-01T10:00:00Z");
      try (PreparedStatement ps = c.prepareStatement(ORACLE.waitEventHistoryQuery().orElseThrow())) {
        ps.setString(1, "sequela keygen");
        ps.setObject(2, LocalDateTime.ofInstant(from, ZoneOffset.UTC));
        ps.setObject(3, LocalDateTime.ofInstant(from.plusSeconds(60), ZoneOffset.UTC));
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(rs.getString(1) + "=" + rs.getLong(2));
          }
        }
        assertThat(rows).containsExactly("enq: TX - index contention=2", "CPU=1");
      }
    } finally {
      TimeZone.setDefault(jvm);
    }
  }

  @Test
  void instanceWaitsReadTheListedEventsOfEveryInstanceInMicroseconds() throws SQLException {
    try (Connection c = oracleMode("oracle_waits")) {
      execute(c, "CREATE TABLE gv$system_event (inst_id NUMBER(10), event VARCHAR2(64), total_waits NUMBER(19), "
          + "time_waited_micro NUMBER(19))");
      execute(c, "INSERT INTO gv$system_event VALUES (1, 'enq: SV - contention', 40, 170000), (2, 'enq: SV - contention', 7, 9000), "
          + "(2, 'gc current block busy', 3, 1500), (1, 'log file sync', 999, 1)");
      InstanceWaits w = ORACLE.instanceWaits(c, "scott").orElseThrow();
      assertThat(w.readable()).isTrue();
      assertThat(w.source()).isEqualTo("gv$system_event");
      assertThat(w.instances()).containsOnlyKeys(1, 2);
      assertThat(w.instances().get(1)).containsOnlyKeys("enq: SV - contention");
      assertThat(w.instances().get(1).get("enq: SV - contention")).isEqualTo(new InstanceWaits.Counter(40, 170000));
      assertThat(w.instances().get(2)).containsKeys("enq: SV - contention", "gc current block busy");
    }
  }

  @Test
  void aViewNotGrantedIsOneLineNamingTheGrantNeverAnError() throws SQLException {
    try (Connection c = oracleMode("oracle_no_views")) {
      InstanceWaits w = ORACLE.instanceWaits(c, "scott").orElseThrow();
      assertThat(w.readable()).isFalse();
      assertThat(w.instances()).isEmpty();
      assertThat(w.note()).startsWith("Oracle wait deltas not available: gv$system_event is not readable (")
          .endsWith("GRANT SELECT ON sys.gv_$system_event TO scott").doesNotContain("\n");
      assertThat(Dialect.POSTGRESQL.instanceWaits(c, "scott")).isEmpty();
      assertThat(Dialect.H2.instanceWaits(c, "scott")).isEmpty();
    }
  }

  @Test
  void verifyProjectionsButTheMd5GiveTheJavaValues() throws SQLException {
    UUID u = UUID.fromString("01234567-89ab-7def-8123-456789abcdef");
    try (Connection c = oracleMode("oracle_projection")) {
      execute(c, "CREATE TABLE p (n " + ORACLE.columnType("bigint", 0) + ", d " + ORACLE.columnType("double precision", 0)
          + ", ts " + ORACLE.columnType("timestamp", 0) + ", tz " + ORACLE.columnType("timestamptz", 0) + ", u "
          + ORACLE.columnType("uuid", 0) + ")");
      Instant at = Instant.parse("2024-02-29T23:59:58.123456Z");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO p VALUES (?, ?, ?, ?, ?)")) {
        ps.setLong(1, -9_000_000_000_000L);
        ps.setDouble(2, 0.1 + 0.2);
        ps.setObject(3, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        ps.setObject(4, at.atOffset(ZoneOffset.ofHours(-7)));
        ORACLE.bindUuid(ps, 5, u);
        ps.executeUpdate();
      }
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + ORACLE.bigintProjection("n") + ", "
          + ORACLE.microsProjection("d") + ", " + ORACLE.epochMicrosProjection("ts", false) + ", "
          + ORACLE.epochMicrosProjection("tz", true) + ", " + ORACLE.uuidTextProjection("u") + " FROM p")) {
        rs.next();
        long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
        assertThat(rs.getLong(1)).isEqualTo(-9_000_000_000_000L);
        assertThat(rs.getLong(2)).isEqualTo((long) Math.floor((0.1 + 0.2) * 1_000_000.0));
        assertThat(rs.getLong(3)).isEqualTo(micros);
        assertThat(rs.getLong(4)).isEqualTo(micros);
        assertThat(rs.getString(5)).isEqualTo(u.toString());
      }
    }
    assertThat(OracleDialect.EMPTY_STRING_MD5_BIGINT).isEqualTo(md5Bigint(""));
  }

  @Test
  void anEmptyStringIsNullInOracleModeSoItCannotFillANotNullColumn() throws SQLException {
    assertThat(ORACLE.emptyStringIsNull()).isTrue();
    assertThat(Dialect.POSTGRESQL.emptyStringIsNull()).isFalse();
    try (Connection c = oracleMode("oracle_empty")) {
      execute(c, "CREATE TABLE e (s " + ORACLE.columnType("varchar", 4) + " NOT NULL)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO e VALUES (?)")) {
        ps.setString(1, "");
        assertThatThrownBy(ps::executeUpdate).isInstanceOf(SQLException.class).hasMessageContaining("NULL");
      }
    }
  }

  private static long md5Bigint(String s) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.nio.ByteBuffer.wrap(d).getLong();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

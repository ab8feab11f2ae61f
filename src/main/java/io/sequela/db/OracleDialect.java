package io.sequela.db;

import io.sequela.config.SequenceMode;
import java.nio.ByteBuffer;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * Oracle (RAC): ORDER serialises values across instances through the SV enqueue; NOORDER lets each
 * instance cache its own range of CACHE n values. No {@code IF EXISTS}: drops are PL/SQL blocks ignoring the
 * "does not exist" error. UUID keys are RAW(16). Wait events come from ASH after the phase.
 */
final class OracleDialect implements Dialect {

  /** ORA-00942: table or view does not exist. */
  private static final int NO_SUCH_TABLE = -942;
  /** ORA-02289: sequence does not exist. */
  private static final int NO_SUCH_SEQUENCE = -2289;

  @Override
  public String name() {
    return "oracle";
  }

  @Override
  public String jdbcUrlPrefix() {
    return "jdbc:oracle:";
  }

  @Override
  public String driverClassName() {
    return "oracle.jdbc.OracleDriver";
  }

  /** {@code oracle.net.CONNECT_TIMEOUT} in ms; the session's module is set by {@link #sessionModuleSql}. */
  @Override
  public Properties driverProperties(String applicationName, Duration connectTimeout) {
    Properties p = new Properties();
    p.setProperty("oracle.net.CONNECT_TIMEOUT", String.valueOf(connectTimeout.toMillis()));
    return p;
  }

  @Override
  public boolean plsqlScripts() {
    return true;
  }

  @Override
  public List<String> switchSequence(String sequence, SequenceMode mode, int cache) {
    return mode == SequenceMode.ORDER
        ? List.of("ALTER SEQUENCE " + sequence + " CACHE " + cache + " ORDER")
        : List.of("ALTER SEQUENCE " + sequence + " CACHE " + cache + " NOORDER");
  }

  @Override
  public String nextvalExpression(String sequence) {
    return sequence + ".NEXTVAL";
  }

  @Override
  public String nextvalQuery(String sequence) {
    return "SELECT " + sequence + ".NEXTVAL FROM dual";
  }

  /** NOCACHE for a cache of 1; {@code SCALE NOEXTEND} for a SCALE sequence. */
  @Override
  public String createSequence(String sequence, long firstValue, int cache, boolean scale) {
    return "CREATE SEQUENCE " + sequence + " START WITH " + firstValue + (cache > 1 ? " CACHE " + cache : " NOCACHE")
        + (scale ? " SCALE NOEXTEND" : "");
  }

  @Override
  public String dropSequenceIfExists(String sequence) {
    return ignoring("DROP SEQUENCE " + sequence, NO_SUCH_SEQUENCE);
  }

  @Override
  public boolean supportsScaleSequences() {
    return true;
  }

  @Override
  public String statementClock() {
    return "SYSTIMESTAMP";
  }

  @Override
  public String cacheSemantics() {
    return "Oracle RAC: under NOORDER each instance caches its own range of CACHE n values; ORDER makes every "
        + "instance take values in call order through the global SV enqueue.";
  }

  // KeyTableSql

  /** NUMBER(19), or NUMBER(28) for a SCALE sequence's prefixed values. */
  @Override
  public String longKeyType(boolean scale) {
    return scale ? "NUMBER(28)" : "NUMBER(19)";
  }

  @Override
  public String uuidKeyType() {
    return "RAW(16)";
  }

  @Override
  public String varcharType(int length) {
    return "VARCHAR2(" + length + ")";
  }

  /** The 16 bytes, most significant first (as {@code keys.Uuids.toBytes}); the driver cannot bind a UUID. */
  @Override
  public void bindUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
    ps.setBytes(index, rawBytes(value));
  }

  /** 32 lower-case hex digits, which Oracle converts to RAW(16) implicitly (as {@code keys.Uuids.toHex}). */
  @Override
  public Object uuidSessionValue(UUID value) {
    return value.toString().replace("-", "");
  }

  static byte[] rawBytes(UUID u) {
    return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
  }

  // SequenceBlockSql

  /** UPDATE ... RETURNING INTO in a PL/SQL block, with the row count telling a missing row apart. */
  @Override
  public Long reserveBlock(Connection c, String sequenceName, int blockSize) throws SQLException {
    try (CallableStatement cs = c.prepareCall(
        "BEGIN UPDATE SEQUENCE_BLOCK SET NEXT_VALUE = NEXT_VALUE + ? WHERE SEQ_NAME = ? RETURNING NEXT_VALUE INTO ?; "
            + "? := SQL%ROWCOUNT; END;")) {
      cs.setLong(1, blockSize);
      cs.setString(2, sequenceName);
      cs.registerOutParameter(3, Types.BIGINT);
      cs.registerOutParameter(4, Types.INTEGER);
      cs.execute();
      // RETURNING INTO leaves its variable undefined when no row matched: the row count decides
      return cs.getInt(4) == 0 ? null : cs.getLong(3);
    }
  }

  // Ddl

  @Override
  public String dropTableIfExists(String table) {
    return ignoring("DROP TABLE " + table + " PURGE", NO_SUCH_TABLE);
  }

  @Override
  public String setColumnDefault(String table, String column, String expression) {
    return "ALTER TABLE " + table + " MODIFY (" + column + " DEFAULT " + expression + ")";
  }

  @Override
  public String columnType(String canonicalName, int length) {
    return switch (canonicalName) {
      case "smallint" -> "NUMBER(5)";
      case "integer" -> "NUMBER(10)";
      case "bigint" -> "NUMBER(19)";
      case "double precision" -> "BINARY_DOUBLE";
      case "text" -> "VARCHAR2(4000)";
      case "varchar" -> "VARCHAR2(" + length + ")";
      case "char" -> "CHAR(" + length + ")";
      case "timestamp" -> "TIMESTAMP(6)";
      case "timestamptz" -> "TIMESTAMP(6) WITH TIME ZONE";
      case "uuid" -> "RAW(16)";
      default -> throw new IllegalStateException(canonicalName);
    };
  }

  // Probes

  @Override
  public String checkpointSql() {
    return "ALTER SYSTEM CHECKPOINT";
  }

  /** The index segment's size from USER_SEGMENTS; Oracle gives no WAL or block counters here. */
  @Override
  public IndexCounters indexCounters(Connection c, String indexName) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT SUM(bytes) FROM user_segments WHERE segment_name = ?")) {
      ps.setString(1, indexName.toUpperCase(Locale.ROOT));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long b = rs.getLong(1);
        return new IndexCounters(rs.wasNull() ? null : b, null, null, null);
      }
    }
  }

  /** {@code gv$active_session_history} (all RAC instances): needs SELECT on it and the Diagnostics Pack licence. */
  @Override
  public Optional<String> waitEventHistoryQuery() {
    return Optional.of("SELECT NVL(event, 'CPU'), COUNT(*) FROM gv$active_session_history WHERE module = ? "
        + "AND sample_time BETWEEN ? AND ? GROUP BY NVL(event, 'CPU') ORDER BY 2 DESC, 1");
  }

  @Override
  public String waitEventHistoryUnreadable() {
    return "Oracle wait events not available: gv$active_session_history is not readable by this user "
        + "(needs SELECT on it and the Diagnostics Pack)";
  }

  /** DBMS_APPLICATION_INFO.SET_MODULE, DMTN-099's way of telling jobs apart in ASH. */
  @Override
  public Optional<String> sessionModuleSql(String module) {
    return Optional.of("BEGIN DBMS_APPLICATION_INFO.SET_MODULE('" + module.replace("'", "''") + "', NULL); END;");
  }

  private static String ignoring(String ddl, int sqlCode) {
    return "BEGIN EXECUTE IMMEDIATE '" + ddl + "'; EXCEPTION WHEN OTHERS THEN IF SQLCODE != " + sqlCode
        + " THEN RAISE; END IF; END;";
  }

  /** {@code ORA-nnnnn} as Oracle names its errors (ORA-00001 unique constraint violated). */
  @Override
  public String errorCode(SQLException e) {
    return e.getErrorCode() != 0 ? String.format(Locale.ROOT, "ORA-%05d", e.getErrorCode()) : Dialect.super.errorCode(e);
  }

  @Override
  public String toString() {
    return name();
  }
}

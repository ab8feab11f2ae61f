package io.sequela.db;

import io.sequela.config.SequenceMode;
import java.nio.ByteBuffer;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Oracle (RAC): ORDER serialises values across instances through the SV enqueue; NOORDER lets each
 * instance cache its own range of CACHE n values. No {@code IF EXISTS}: drops are PL/SQL blocks ignoring the
 * "does not exist" error. UUID keys are RAW(16), bound as their 16 bytes; model text columns count CHAR, not
 * BYTE. Wait events come from ASH after the phase (by SAMPLE_TIME_UTC), per-instance wait counters from
 * GV$SYSTEM_EVENT. Oracle stores {@code ''} as NULL ({@link #emptyStringIsNull()}). docs/oracle.md has the grants.
 */
final class OracleDialect implements Dialect {

  /** ORA-00942: table or view does not exist. */
  private static final int NO_SUCH_TABLE = -942;
  /** ORA-02289: sequence does not exist. */
  private static final int NO_SUCH_SEQUENCE = -2289;

  /**
   * The waits that sequences and right-hand index inserts cause on RAC: the SV enqueue of ORDER (and its
   * {@code DFS lock handle} form before 11.2), the SEQ$ refill of a NOORDER cache ({@code row cache lock},
   * {@code enq: SQ - contention}), and the hot right-hand index leaf block shipped between instances.
   */
  public static final List<String> SEQUENCE_WAIT_EVENTS = List.of("enq: SV - contention", "DFS lock handle",
      "row cache lock", "enq: SQ - contention", "gc current block busy", "gc cr block busy", "gc buffer busy acquire",
      "enq: TX - index contention", "buffer busy waits");
  /** Cumulative counters of {@link #SEQUENCE_WAIT_EVENTS} on every instance (TIME_WAITED_MICRO is µs). */
  static final String INSTANCE_WAITS_QUERY = "SELECT inst_id, event, total_waits, time_waited_micro FROM gv$system_event"
      + " WHERE event IN (" + String.join(", ", SEQUENCE_WAIT_EVENTS.stream().map(e -> "'" + e + "'").toList())
      + ") ORDER BY inst_id, event";
  /**
   * ASH samples of one module in a UTC window: SAMPLE_TIME_UTC (12.2 and later) is UTC whatever the server's time
   * zone, where SAMPLE_TIME is the server's local time.
   */
  static final String ASH_QUERY = "SELECT NVL(event, 'CPU'), COUNT(*) FROM gv$active_session_history WHERE module = ? "
      + "AND sample_time_utc BETWEEN ? AND ? GROUP BY NVL(event, 'CPU') ORDER BY 2 DESC, 1";
  /** Reserves a block: UPDATE ... RETURNING INTO, with the row count telling a missing row apart. */
  static final String RESERVE_BLOCK = "BEGIN UPDATE SEQUENCE_BLOCK SET NEXT_VALUE = NEXT_VALUE + ? WHERE SEQ_NAME = ? "
      + "RETURNING NEXT_VALUE INTO ?; ? := SQL%ROWCOUNT; END;";
  /** The source named in {@link InstanceWaits#source()}. */
  static final String INSTANCE_WAITS_SOURCE = "gv$system_event";
  /** An index segment's size in bytes. */
  static final String INDEX_BYTES = "SELECT SUM(bytes) FROM user_segments WHERE segment_name = ?";
  /** Splits 32 hex digits into UUID.toString()'s 8-4-4-4-12 groups. */
  private static final String UUID_GROUPS = "'(.{8})(.{4})(.{4})(.{4})(.{12})', '\\1-\\2-\\3-\\4-\\5'";

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

  /** {@code USER_SEQUENCES}: CACHE_SIZE and ORDER_FLAG (an unquoted name is stored in upper case). */
  @Override
  public Optional<SequenceAttributes> readSequence(Connection c, String sequence) throws SQLException {
    return SequenceSql.readByQuery(c, "SELECT cache_size, order_flag FROM user_sequences WHERE sequence_name = UPPER(?)", sequence);
  }

  /** The CACHE of both modes ({@link #switchSequence} keeps it) and ORDER_FLAG Y under ORDER, N under NOORDER. */
  @Override
  public SequenceAttributes expectedAttributes(SequenceMode mode, int cache) {
    return new SequenceAttributes(cache, mode == SequenceMode.ORDER ? "Y" : "N");
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
    try (CallableStatement cs = c.prepareCall(RESERVE_BLOCK)) {
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
      case "varchar" -> "VARCHAR2(" + length + " CHAR)";
      case "char" -> "CHAR(" + length + " CHAR)";
      case "timestamp" -> "TIMESTAMP(6)";
      case "timestamptz" -> "TIMESTAMP(6) WITH TIME ZONE";
      case "uuid" -> "RAW(16)";
      default -> throw new IllegalStateException(canonicalName);
    };
  }

  // ProbeSql

  @Override
  public String checkpointSql() {
    return "ALTER SYSTEM CHECKPOINT";
  }

  /** The index segment's size from USER_SEGMENTS; Oracle gives no WAL or block counters here. */
  @Override
  public IndexCounters indexCounters(Connection c, String indexName) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INDEX_BYTES)) {
      ps.setString(1, indexName.toUpperCase(Locale.ROOT));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long b = rs.getLong(1);
        return new IndexCounters(rs.wasNull() ? null : b, null, null, null);
      }
    }
  }

  /**
   * {@code gv$active_session_history} (all RAC instances) by SAMPLE_TIME_UTC: needs SELECT on it and the
   * Diagnostics Pack licence.
   */
  @Override
  public Optional<String> waitEventHistoryQuery() {
    return Optional.of(ASH_QUERY);
  }

  @Override
  public String waitEventHistoryUnreadable() {
    return "Oracle wait events not available: gv$active_session_history is not readable by this user "
        + "(GRANT SELECT ON sys.gv_$active_session_history TO <user>; it needs the Diagnostics Pack licence)";
  }

  /**
   * {@code GV$SYSTEM_EVENT}: instance-wide counters of {@link #SEQUENCE_WAIT_EVENTS}, every instance in one query.
   * They count every session of the instance, not only the run's (GV$SESSION_EVENT would lose the counts of
   * sessions that close before the second reading, as a stage's pools do).
   */
  @Override
  public Optional<InstanceWaits> instanceWaits(Connection c, String user) {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(INSTANCE_WAITS_QUERY)) {
      Map<Integer, Map<String, InstanceWaits.Counter>> out = new TreeMap<>();
      while (rs.next()) {
        out.computeIfAbsent(rs.getInt(1), i -> new LinkedHashMap<>())
            .put(rs.getString(2), new InstanceWaits.Counter(rs.getLong(3), rs.getLong(4)));
      }
      return Optional.of(new InstanceWaits(INSTANCE_WAITS_SOURCE, out, null));
    } catch (SQLException e) {
      return Optional.of(InstanceWaits.unreadable(INSTANCE_WAITS_SOURCE, instanceWaitsUnreadable(user, e)));
    }
  }

  /** The one line for console and page when GV$SYSTEM_EVENT cannot be read, naming the grant. */
  static String instanceWaitsUnreadable(String user, SQLException e) {
    String first = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("").strip();
    return "Oracle wait deltas not available: gv$system_event is not readable (" + first + "): "
        + "GRANT SELECT ON sys.gv_$system_event TO " + (user == null || user.isBlank() ? "<user>" : user);
  }

  /** DBMS_APPLICATION_INFO.SET_MODULE, DMTN-099's way of telling jobs apart in ASH. */
  @Override
  public Optional<String> sessionModuleSql(String module) {
    return Optional.of("BEGIN DBMS_APPLICATION_INFO.SET_MODULE('" + module.replace("'", "''") + "', NULL); END;");
  }

  // ProjectionSql (verify)

  /**
   * STANDARD_HASH (12.1 and later) of the text's bytes in the database character set, which must be AL32UTF8 to
   * match the Java side; the first 16 hex digits read as unsigned, then shifted into the signed range. A NULL (how
   * Oracle holds {@code ''}, also RTRIM of an all-blank CHAR) hashes as the empty string.
   */
  @Override
  public Optional<String> md5Bigint(String textExpression) {
    String hex = "RAWTOHEX(STANDARD_HASH(" + textExpression + ", 'MD5'))";
    return Optional.of("NVL(TO_NUMBER(SUBSTR(" + hex + ", 1, 16), 'XXXXXXXXXXXXXXXX') - CASE WHEN INSTR('89ABCDEFabcdef', "
        + "SUBSTR(" + hex + ", 1, 1)) > 0 THEN 18446744073709551616 ELSE 0 END, " + EMPTY_STRING_MD5_BIGINT + ")");
  }

  /** The signed big-endian value of the first 8 bytes of MD5(''), d41d8cd98f00b204. */
  static final long EMPTY_STRING_MD5_BIGINT = 0xd41d8cd98f00b204L;

  @Override
  public String bigintProjection(String column) {
    return "CAST(" + column + " AS NUMBER(19))";
  }

  /** In BINARY_DOUBLE arithmetic (IEEE 754, as Java), then exact. */
  @Override
  public String microsProjection(String column) {
    return "CAST(FLOOR(" + column + " * CAST(1000000 AS BINARY_DOUBLE)) AS NUMBER(19))";
  }

  /**
   * From the interval since the epoch: days, hours and minutes, whole seconds (FLOOR: right for instants before
   * 1970 too), and the fraction as TO_CHAR 'FF6'. A column with time zone is taken to UTC first.
   */
  @Override
  public String epochMicrosProjection(String column, boolean withTimeZone) {
    String utc = withTimeZone ? "CAST(" + column + " AT TIME ZONE '+00:00' AS TIMESTAMP)" : column;
    String d = "(" + utc + " - TIMESTAMP '1970-01-01 00:00:00')";
    // each part as NUMBER(19) before it is scaled (EXTRACT is a NUMBER in Oracle, a 32-bit INTEGER in H2)
    return "CAST(" + part("DAY", d) + " * 86400000000 + " + part("HOUR", d) + " * 3600000000 + " + part("MINUTE", d)
        + " * 60000000 + CAST(FLOOR(EXTRACT(SECOND FROM " + d + ")) AS NUMBER(19)) * 1000000 + CAST(TO_CHAR(" + utc
        + ", 'FF6') AS NUMBER(6)) AS NUMBER(19))";
  }

  private static String part(String field, String interval) {
    return "CAST(EXTRACT(" + field + " FROM " + interval + ") AS NUMBER(19))";
  }

  /** RAW(16) as 32 hex digits grouped 8-4-4-4-12, lower case. */
  @Override
  public String uuidTextProjection(String column) {
    return "LOWER(REGEXP_REPLACE(RAWTOHEX(" + column + "), " + UUID_GROUPS + "))";
  }

  /** Oracle stores {@code ''} as NULL. */
  @Override
  public boolean emptyStringIsNull() {
    return true;
  }

  private static String ignoring(String ddl, int sqlCode) {
    return "BEGIN EXECUTE IMMEDIATE '" + ddl + "'; EXCEPTION WHEN OTHERS THEN IF SQLCODE != " + sqlCode
        + " THEN RAISE; END IF; END;";
  }

  /** {@code ORA-nnnnn} as Oracle names its errors (ORA-00001 unique constraint violated). */
  @Override
  public String errorCode(SQLException e) {
    return e.getErrorCode() > 0 ? String.format(Locale.ROOT, "ORA-%05d", e.getErrorCode()) : Dialect.super.errorCode(e);
  }

  /** The session's SID; unique within an instance, so a session is the pair (instance, SID). */
  @Override
  public String sessionExpression() {
    return "TO_NUMBER(SYS_CONTEXT('USERENV', 'SID'))";
  }

  /** The RAC instance number the session is connected to. */
  @Override
  public Optional<String> instanceExpression() {
    return Optional.of("SYS_CONTEXT('USERENV', 'INSTANCE')");
  }

  /** {@code ALTER TABLE t ADD (c type)}. */
  @Override
  public String addColumn(String table, String column, String type) {
    return "ALTER TABLE " + table + " ADD (" + column + " " + type + ")";
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public Optional<String> connectionLimitQuery() {
    return Optional.of("SELECT (SELECT TO_NUMBER(value) FROM v$parameter WHERE name = 'processes'), 0, (SELECT COUNT(*) FROM v$process)"
        + " FROM dual");
  }

  /** Oracle's limit on server processes: a dedicated-server session is one of them. */
  @Override
  public String connectionLimitSetting() {
    return "processes";
  }
}

package io.sequela.db;

import io.sequela.config.SequenceMode;
import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;

/**
 * PostgreSQL: CACHE is per session (backend), the per-session analogue of RAC's per-instance cache.
 * ORDER is emulated by CACHE 1, one shared counter whose values follow call order. Bulk loads use COPY;
 * probes read pg_statio_user_indexes, the WAL position and pg_stat_activity.
 */
final class PostgresDialect implements Dialect {

  /** pg_stat_force_next_flush() exists from PostgreSQL 15 on. */
  private static final int FLUSH_STATISTICS_SINCE = 150000;

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public String jdbcUrlPrefix() {
    return "jdbc:postgresql:";
  }

  @Override
  public String driverClassName() {
    return "org.postgresql.Driver";
  }

  /** {@code connectTimeout} in seconds and {@code ApplicationName}. */
  @Override
  public Properties driverProperties(String applicationName, Duration connectTimeout) {
    Properties p = new Properties();
    p.setProperty("connectTimeout", String.valueOf(connectTimeout.toSeconds()));
    p.setProperty("ApplicationName", applicationName);
    return p;
  }

  @Override
  public List<String> switchSequence(String sequence, SequenceMode mode, int cache) {
    int n = mode == SequenceMode.ORDER ? 1 : cache;
    return List.of("ALTER SEQUENCE " + sequence + " CACHE " + n);
  }

  /** {@code pg_sequences} in the current schema (an unquoted name is stored in lower case). */
  @Override
  public Optional<SequenceAttributes> readSequence(Connection c, String sequence) throws SQLException {
    return SequenceSql.readByQuery(c, "SELECT cache_size FROM pg_sequences WHERE sequencename = lower(?) AND schemaname = current_schema()", sequence);
  }

  @Override
  public String nextvalExpression(String sequence) {
    return "nextval('" + sequence + "')";
  }

  @Override
  public String statementClock() {
    return "clock_timestamp()";
  }

  @Override
  public String cacheSemantics() {
    return "PostgreSQL caches sequence values per session: under NOORDER (CACHE n) each connection hands out "
        + "its own block of n values, the per-session analogue of Oracle RAC's per-instance cache; ORDER is CACHE 1.";
  }

  /**
   * pgjdbc asks for rows in text form until a statement has run 5 times; a negative prepare threshold asks
   * for binary at once. The server then sends a timestamp as 8 bytes instead of formatting 26 characters
   * that the driver parses again: the gap analysis's time-ordered query of 10M rows ran in 7-13 s instead of
   * 12-18 s. Another driver's statement is left alone.
   */
  @Override
  public void preferBinaryRows(PreparedStatement ps) throws SQLException {
    if (ps.isWrapperFor(PGStatement.class)) {
      ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
    }
  }

  @Override
  public Optional<String> md5Bigint(String textExpression) {
    return Optional.of("('x' || SUBSTR(MD5(" + textExpression + "), 1, 16))::bit(64)::bigint");
  }

  /** {@code stringtype=unspecified}: the server infers a string parameter's type (e.g. uuid). */
  @Override
  public Map<String, String> untypedStringProperties() {
    return Map.of("stringtype", "unspecified");
  }

  @Override
  public Long reserveBlock(Connection c, String sequenceName, int blockSize) throws SQLException {
    return SequenceBlockSql.reserveByQuery(c,
        "UPDATE SEQUENCE_BLOCK SET NEXT_VALUE = NEXT_VALUE + ? WHERE SEQ_NAME = ? RETURNING NEXT_VALUE", sequenceName, blockSize);
  }

  // Ddl

  @Override
  public Optional<String> analyzeSql(String table) {
    return Optional.of("ANALYZE " + table);
  }

  @Override
  public Optional<String> vacuumAnalyzeSql(String table) {
    return Optional.of("VACUUM ANALYZE " + table);
  }

  // BulkLoad: COPY through pgjdbc's CopyManager

  @Override
  public boolean supportsCopy() {
    return true;
  }

  @Override
  public CopyStream copyIn(Connection c, String copySql) throws SQLException {
    CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    return new CopyStream() {
      @Override
      public void write(byte[] bytes, int offset, int length) throws SQLException {
        in.writeToCopy(bytes, offset, length);
      }

      @Override
      public long end() throws SQLException {
        return in.endCopy();
      }

      @Override
      public boolean isActive() {
        return in.isActive();
      }

      @Override
      public void cancel() throws SQLException {
        in.cancelCopy();
      }
    };
  }

  @Override
  public long copyIn(Connection c, String copySql, Reader rows) throws SQLException, IOException {
    return c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, rows);
  }

  @Override
  public List<String> unflushedTransactionSql() {
    return List.of("SET LOCAL synchronous_commit TO off");
  }

  /** The server's message after its context, e.g. {@code COPY cpu_usage, line 3, column usage: invalid input ...}. */
  @Override
  public String errorLine(SQLException e) {
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      String where = p.getServerErrorMessage().getWhere();
      return (where == null ? "" : where + ": ") + p.getServerErrorMessage().getMessage();
    }
    return e.getMessage();
  }

  // ProbeSql

  /** Primary-key size (pg_relation_size), WAL insert position and pg_statio_user_indexes block counters. */
  @Override
  public IndexCounters indexCounters(Connection c, String indexName) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_relation_size(i.indexrelid), pg_current_wal_insert_lsn()::text, "
        + "i.idx_blks_read, i.idx_blks_hit FROM pg_statio_user_indexes i WHERE i.indexrelname = ?")) {
      ps.setString(1, indexName);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new IndexCounters(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)) : IndexCounters.NONE;
      }
    }
  }

  @Override
  public Long walBytes(Connection c, String fromPosition, String toPosition) throws SQLException {
    if (fromPosition == null || toPosition == null) {
      return null;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_wal_lsn_diff(?::pg_lsn, ?::pg_lsn)::bigint")) {
      ps.setString(1, toPosition);
      ps.setString(2, fromPosition);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Override
  public boolean reportsWalAndBlockCounters() {
    return true;
  }

  /**
   * pg_stat_activity, the PostgreSQL analogue of Oracle's ASH: every load session, idle ones included (they wait on
   * {@code Client:ClientRead}, the client's next statement), so a sample says where all the users' time goes and a
   * short phase still gets samples; the sampling session is left out.
   */
  @Override
  public Optional<String> waitEventSampleQuery() {
    return Optional.of("SELECT COALESCE(wait_event_type || ':' || wait_event, 'CPU') FROM pg_stat_activity "
        + "WHERE application_name LIKE ? AND pid <> pg_backend_pid()");
  }

  /**
   * {@code pg_stat_force_next_flush()} on PostgreSQL 15+, which flushes a session's index and block statistics
   * to pg_statio_user_indexes at most once a second, else after 10 s idle.
   */
  @Override
  public Optional<String> flushStatisticsSql(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int")) {
      rs.next();
      return rs.getInt(1) >= FLUSH_STATISTICS_SINCE ? Optional.of("SELECT pg_stat_force_next_flush()") : Optional.empty();
    }
  }

  /** The backend's process id: one per connection. */
  @Override
  public String sessionExpression() {
    return "pg_backend_pid()";
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public Optional<String> connectionLimitQuery() {
    return Optional.of("SELECT current_setting('max_connections')::int, current_setting('superuser_reserved_connections')::int"
        + " + COALESCE(current_setting('reserved_connections', true)::int, 0),"
        + " (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')");
  }
}

package io.sequela.db;

import io.sequela.config.SequenceMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * MariaDB and MariaDB Galera (10.11). Galera accepts only InnoDB sequences with {@code NOCACHE} or with
 * {@code INCREMENT BY 0} (ERROR 1235 otherwise): NOORDER is {@code INCREMENT BY 0 CACHE n}, each node taking its
 * values from its own residue class modulo the cluster size ({@code auto_increment_increment}, set by
 * {@code wsrep_auto_increment_control}); ORDER is {@code INCREMENT BY 1 NOCACHE}, which Galera accepts but which
 * hands out the same values on nodes that call NEXTVAL at the same time: there is no cluster-safe ordered
 * sequence, so ORDER here is an unsafe stand-in. AUTO_INCREMENT leaves the sequence alone and lets the column's
 * own counter number the rows (sql/mariadb/setup.sql's trigger). KeyGen types and probes keep the defaults
 * (BIGINT, VARCHAR; no WAL or wait-event figures); a UUID key would need BINARY(16), which is not done here.
 */
final class MariaDbDialect implements Dialect {

  /** The day's first id, yyyymmdd * 1e8, as in {@code get_execution_id}. */
  /** ER_NO_SUCH_TABLE (1146): a sequence that does not exist. */
  private static final int NO_SUCH_TABLE = 1146;
  private static final String DAY_BASE = "CAST(DATE_FORMAT(CURRENT_DATE, '%Y%m%d') AS UNSIGNED) * 100000000";

  @Override
  public String driverClassName() {
    return "org.mariadb.jdbc.Driver";
  }

  @Override
  public String name() {
    return "mariadb";
  }

  @Override
  public String jdbcUrlPrefix() {
    return "jdbc:mariadb:";
  }

  /** {@code connectTimeout} in ms (MariaDB Connector/J has no application name property). */
  @Override
  public Properties driverProperties(String applicationName, Duration connectTimeout) {
    Properties p = new Properties();
    p.setProperty("connectTimeout", String.valueOf(connectTimeout.toMillis()));
    return p;
  }

  @Override
  public boolean supports(SequenceMode mode) {
    return true;
  }

  /**
   * {@inheritDoc}
   *
   * <p>A sequence mode also moves the sequence past the highest id of the day (SETVAL never goes back): the
   * column's AUTO_INCREMENT counter of an earlier stage may have used values the sequence has not handed out
   * yet, which would otherwise come back as duplicate keys. SETVAL takes only literals, hence EXECUTE IMMEDIATE.
   */
  @Override
  public List<String> switchSequence(String sequence, SequenceMode mode, int cache) {
    String alter = switch (mode) {
      case ORDER -> "ALTER SEQUENCE " + sequence + " INCREMENT BY 1 NOCACHE";
      case NOORDER -> "ALTER SEQUENCE " + sequence + " INCREMENT BY 0 CACHE " + cache;
      case AUTO_INCREMENT -> null;
    };
    if (alter == null) {
      return List.of();
    }
    return List.of(alter,
        "SET @sequela_next = (SELECT 1 + COALESCE(MAX(job_execution_id) - " + DAY_BASE + ", 0) FROM job_execution"
            + " WHERE job_execution_id >= " + DAY_BASE + " AND job_execution_id < " + DAY_BASE + " + 100000000)",
        "EXECUTE IMMEDIATE CONCAT('SELECT SETVAL(" + sequence + ", ', @sequela_next, ')')");
  }

  /**
   * The sequence read as a table ({@code SELECT cache_size FROM s}: MariaDB has no catalog view of its
   * sequences' attributes); the name must be a plain identifier.
   */
  @Override
  public Optional<SequenceAttributes> readSequence(Connection c, String sequence) throws SQLException {
    if (!sequence.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain sequence name: " + sequence);
    }
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT cache_size FROM " + sequence)) {
      return rs.next() ? Optional.of(new SequenceAttributes(rs.getLong(1), null)) : Optional.empty();
    } catch (SQLException e) {
      if (e.getErrorCode() == NO_SUCH_TABLE) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** ORDER is NOCACHE (CACHE_SIZE 0), NOORDER CACHE n ({@link #switchSequence}). */
  @Override
  public SequenceAttributes expectedAttributes(SequenceMode mode, int cache) {
    return new SequenceAttributes(mode == SequenceMode.ORDER ? 0 : cache, null);
  }

  /** {@code NOW(6)}: the start of the statement, in µs, on the node that runs it. */
  @Override
  public String statementClock() {
    return "NOW(6)";
  }

  @Override
  public String cacheSemantics() {
    return "MariaDB Galera has no cluster-safe ordered sequence. NOORDER is INCREMENT BY 0 CACHE n: each node hands "
        + "out values of its own residue class modulo the cluster size, unique but not ordered across nodes, and a "
        + "node drops its cache whenever another node writes the sequence. ORDER is the unsafe stand-in INCREMENT BY 1 "
        + "NOCACHE: nodes calling NEXTVAL at the same time get the same values, so its duplicate keys and failed "
        + "inserts (KO 1062 duplicate entry, 1213 certification failure) are the result, not a fault of the tool. "
        + "AUTO_INCREMENT is the column's own counter, interleaved across nodes by wsrep_auto_increment_control.";
  }

  @Override
  public String nextvalExpression(String sequence) {
    return "NEXTVAL(" + sequence + ")";
  }

  /** MariaDB's UPDATE returns no rows: the update takes the row lock, then the new value is read under it. */
  @Override
  public Long reserveBlock(Connection c, String sequenceName, int blockSize) throws SQLException {
    try (PreparedStatement up = c.prepareStatement("UPDATE SEQUENCE_BLOCK SET NEXT_VALUE = NEXT_VALUE + ? WHERE SEQ_NAME = ?")) {
      up.setLong(1, blockSize);
      up.setString(2, sequenceName);
      if (up.executeUpdate() == 0) {
        return null;
      }
    }
    try (PreparedStatement q = c.prepareStatement("SELECT NEXT_VALUE FROM SEQUENCE_BLOCK WHERE SEQ_NAME = ?")) {
      q.setString(1, sequenceName);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /**
   * {@code @@auto_increment_increment} under NOORDER and AUTO_INCREMENT: both step by it (INCREMENT BY 0 takes
   * it as its increment); Galera sets it to the cluster size. 1 under ORDER.
   */
  @Override
  public int idStep(Connection c, SequenceMode mode) throws SQLException {
    if (mode == SequenceMode.ORDER) {
      return 1;
    }
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@auto_increment_increment")) {
      return rs.next() ? Math.max(1, rs.getInt(1)) : 1;
    }
  }

  /** The connection's thread id: one per connection (per node, on Galera). */
  @Override
  public String sessionExpression() {
    return "CONNECTION_ID()";
  }

  /** The Galera node serving the connection (its wsrep_node_name; the host name outside a cluster). */
  @Override
  public Optional<String> instanceExpression() {
    return Optional.of("@@wsrep_node_name");
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public Optional<String> connectionLimitQuery() {
    return Optional.of("SELECT @@max_connections, 0, (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
        + " WHERE VARIABLE_NAME = 'THREADS_CONNECTED')");
  }
}

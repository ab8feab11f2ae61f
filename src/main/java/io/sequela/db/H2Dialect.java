package io.sequela.db;

import io.sequela.config.SequenceMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * H2: one synchronised in-memory counter per database; CACHE only sets how often it is persisted, so
 * values never interleave between sessions whatever the mode. No probes: index size, WAL and wait events
 * are not reported.
 */
final class H2Dialect implements Dialect {

  @Override
  public String name() {
    return "h2";
  }

  @Override
  public String jdbcUrlPrefix() {
    return "jdbc:h2:";
  }

  @Override
  public String driverClassName() {
    return "org.h2.Driver";
  }

  @Override
  public List<String> switchSequence(String sequence, SequenceMode mode, int cache) {
    int n = mode == SequenceMode.ORDER ? 1 : cache;
    return List.of("ALTER SEQUENCE " + sequence + " CACHE " + n);
  }

  /** {@code INFORMATION_SCHEMA.SEQUENCES} in the current schema (an unquoted name is stored in upper case). */
  @Override
  public Optional<SequenceAttributes> readSequence(Connection c, String sequence) throws SQLException {
    return SequenceSql.readByQuery(c, "SELECT CACHE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME = UPPER(?) AND SEQUENCE_SCHEMA = CURRENT_SCHEMA", sequence);
  }

  @Override
  public String nextvalExpression(String sequence) {
    return "NEXT VALUE FOR " + sequence;
  }

  @Override
  public String statementClock() {
    return "LOCALTIMESTAMP";
  }

  @Override
  public String cacheSemantics() {
    return "H2's sequence cache is global (one counter per database), so no interleaving is expected: "
        + "ORDER and NOORDER hand out the same order.";
  }

  @Override
  public Optional<String> md5Bigint(String textExpression) {
    return Optional.of("CAST(SUBSTRING(HASH('MD5', " + textExpression + "), 1, 8) AS BIGINT)");
  }

  /** A data-change delta table: {@code SELECT ... FROM FINAL TABLE (UPDATE ...)}. */
  @Override
  public Long reserveBlock(Connection c, String sequenceName, int blockSize) throws SQLException {
    return SequenceBlockSql.reserveByQuery(c,
        "SELECT NEXT_VALUE FROM FINAL TABLE (UPDATE SEQUENCE_BLOCK SET NEXT_VALUE = NEXT_VALUE + ? WHERE SEQ_NAME = ?)",
        sequenceName, blockSize);
  }

  /** {@code varchar} for text; {@code TIMESTAMP(6) WITH TIME ZONE} for timestamptz; else PostgreSQL's spelling. */
  @Override
  public String columnType(String canonicalName, int length) {
    return switch (canonicalName) {
      case "text" -> "varchar";
      case "timestamptz" -> "TIMESTAMP(6) WITH TIME ZONE";
      default -> Dialect.super.columnType(canonicalName, length);
    };
  }

  @Override
  public Optional<String> missingFiguresNote() {
    return Optional.of("H2: no index size, WAL or wait-event figures");
  }

  /** H2's session id: one per connection. */
  @Override
  public String sessionExpression() {
    return "SESSION_ID()";
  }

  @Override
  public String toString() {
    return name();
  }
}

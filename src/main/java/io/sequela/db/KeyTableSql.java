package io.sequela.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * The column types of the key-generation tables and how a UUID key is bound. Defaults: {@code BIGINT},
 * {@code UUID} and {@code VARCHAR(n)}, a UUID bound with {@code setObject(UUID)} (PostgreSQL uuid, H2 UUID).
 */
public interface KeyTableSql {

  /**
   * The type of a 64-bit key column.
   *
   * @param scale the column of an Oracle SCALE sequence (28 digits), only where {@link SequenceSql#supportsScaleSequences()}
   */
  default String longKeyType(boolean scale) {
    return "BIGINT";
  }

  /** The type of a UUID key column. */
  default String uuidKeyType() {
    return "UUID";
  }

  /** A variable-length text column of at most {@code length} characters, as the key tables' payload. */
  default String varcharType(int length) {
    return "VARCHAR(" + length + ")";
  }

  /**
   * Binds a UUID to a parameter of a {@link #uuidKeyType()} column.
   *
   * @param index the 1-based parameter index
   * @throws SQLException from the driver
   */
  default void bindUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
    ps.setObject(index, value);
  }

  /**
   * The value of a UUID key put into a Gatling session for the org.galaxio JDBC plugin, which binds it with
   * {@code setObject}: the UUID itself by default.
   */
  default Object uuidSessionValue(UUID value) {
    return value;
  }

  /**
   * Driver properties under which a string parameter binds to a column of any type (the JDBC plugin binds
   * some values as strings); empty where the driver or database converts by itself.
   */
  default Map<String, String> untypedStringProperties() {
    return Map.of();
  }
}

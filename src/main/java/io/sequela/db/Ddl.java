package io.sequela.db;

import java.util.Optional;

/**
 * Table DDL that differs between databases: DROP if exists, column defaults, column types, and the
 * statistics statements after a load. The defaults are PostgreSQL's spelling, which H2 mostly shares.
 */
public interface Ddl {

  /** A statement dropping the table that succeeds when it does not exist. */
  default String dropTableIfExists(String table) {
    return "DROP TABLE IF EXISTS " + table;
  }

  /** The ALTER TABLE that gives an existing table its primary key (the same spelling in PostgreSQL, Oracle and H2). */
  default String addPrimaryKey(String table, String constraint, String column) {
    return "ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " PRIMARY KEY (" + column + ")";
  }

  /** The ALTER TABLE that makes {@code expression} the default of a column. */
  default String setColumnDefault(String table, String column, String expression) {
    return "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DEFAULT " + expression;
  }

  /**
   * A model column's type in this database's DDL.
   *
   * @param canonicalName the populator's type name in PostgreSQL spelling: smallint, integer, bigint,
   *     double precision, text, varchar, char, timestamp, timestamptz, uuid
   * @param length characters for varchar and char, else ignored
   * @throws IllegalStateException for any other name (a caller's bug: the model validates names)
   */
  default String columnType(String canonicalName, int length) {
    return switch (canonicalName) {
      case "smallint", "integer", "bigint", "double precision", "text", "timestamptz", "uuid" -> canonicalName;
      case "varchar", "char" -> canonicalName + "(" + length + ")";
      case "timestamp" -> "timestamp(6)";
      default -> throw new IllegalStateException(canonicalName);
    };
  }

  /**
   * True where the database stores an empty string as NULL (Oracle): a text generator that can produce
   * {@code ''} cannot load into the populator's NOT NULL columns, and the model is refused before any database work.
   */
  default boolean emptyStringIsNull() {
    return false;
  }

  /** The statement refreshing the planner's statistics of a freshly loaded table, or empty. */
  default Optional<String> analyzeSql(String table) {
    return Optional.empty();
  }

  /** The statement that vacuums and analyses a freshly seeded table before it is measured, or empty. */
  default Optional<String> vacuumAnalyzeSql(String table) {
    return Optional.empty();
  }
}

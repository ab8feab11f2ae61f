package io.sequela.populate;

import io.sequela.db.Ddl;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's SQL type in a model, written in PostgreSQL spelling and mapped per dialect at DDL time.
 *
 * @param name the canonical name: smallint, integer, bigint, double precision, text, varchar, char, timestamp,
 *     timestamptz, uuid
 * @param kind the Java shape of its values
 * @param length the maximum length in characters for varchar, the length for char (values are blank-padded
 *     to it by the database, as pgbench_accounts.filler char(84)), else 0
 */
record SqlType(String name, ValueKind kind, int length) {

  private static final Pattern VARCHAR = Pattern.compile("(?:varchar|character varying)\\s*\\(\\s*([1-9]\\d*)\\s*\\)");
  private static final Pattern CHAR = Pattern.compile("(?:char|character)\\s*\\(\\s*([1-9]\\d*)\\s*\\)");

  /**
   * Parses a type name (case-insensitive; aliases int, int4, int8, float8, double, timestamp with time zone).
   *
   * @return the type, or null when the name is not a supported type
   */
  public static SqlType parse(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    Matcher m = VARCHAR.matcher(t);
    if (m.matches()) {
      return new SqlType("varchar", ValueKind.TEXT, Integer.parseInt(m.group(1)));
    }
    Matcher c = CHAR.matcher(t);
    if (c.matches()) {
      return new SqlType("char", ValueKind.TEXT, Integer.parseInt(c.group(1)));
    }
    return switch (t) {
      case "smallint", "int2" -> new SqlType("smallint", ValueKind.LONG, 0);
      case "integer", "int", "int4" -> new SqlType("integer", ValueKind.LONG, 0);
      case "bigint", "int8" -> new SqlType("bigint", ValueKind.LONG, 0);
      case "double precision", "double", "float8" -> new SqlType("double precision", ValueKind.DOUBLE, 0);
      case "text", "varchar" -> new SqlType("text", ValueKind.TEXT, 0);
      case "timestamp", "timestamp without time zone" -> new SqlType("timestamp", ValueKind.TIMESTAMP, 0);
      case "timestamptz", "timestamp with time zone" -> new SqlType("timestamptz", ValueKind.TIMESTAMP, 0);
      case "uuid" -> new SqlType("uuid", ValueKind.UUID, 0);
      default -> null;
    };
  }

  /** Smallest value of an integer type (Long.MIN_VALUE for others). */
  public long minValue() {
    return switch (name) {
      case "smallint" -> Short.MIN_VALUE;
      case "integer" -> Integer.MIN_VALUE;
      default -> Long.MIN_VALUE;
    };
  }

  /** Largest value of an integer type (Long.MAX_VALUE for others). */
  public long maxValue() {
    return switch (name) {
      case "smallint" -> Short.MAX_VALUE;
      case "integer" -> Integer.MAX_VALUE;
      default -> Long.MAX_VALUE;
    };
  }

  /**
   * True for char(n): the database pads values with blanks to n characters, and trailing blanks are not
   * significant (SQL standard; PostgreSQL drops them when a char(n) becomes text).
   */
  public boolean blankPadded() {
    return name.equals("char");
  }

  /** True for timestamptz: values are instants written with a +00 offset. */
  public boolean withTimeZone() {
    return name.equals("timestamptz");
  }

  /** The type in a dialect's DDL ({@link Ddl#columnType}). */
  public String ddl(Ddl dialect) {
    return dialect.columnType(name, length);
  }

  @Override
  public String toString() {
    return length > 0 ? name + "(" + length + ")" : name;
  }
}

package io.sequela.populate;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.db.ProjectionSql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The bigint projection of {@link Fingerprint}: in Java, and as an SQL expression per dialect. */
final class Projection {

  private static final double SCALE = 1_000_000.0;

  private Projection() {}

  /**
   * The projection of row {@code row} of a column.
   *
   * @param blankPadded a char(n) column: trailing blanks are not part of the value (see {@link SqlType#blankPadded()})
   */
  static long of(ColumnValues v, long row, boolean blankPadded, MessageDigest md5) {
    return switch (v.kind()) {
      case LONG, TIMESTAMP -> v.asLong(row);
      case DOUBLE -> (long) Math.floor(v.asDouble(row) * SCALE);
      case TEXT -> hash(blankPadded ? withoutTrailingBlanks(v.asText(row)) : v.asText(row), md5);
      case UUID -> hash(v.asUuid(row).toString(), md5);
    };
  }

  /** {@code s} without trailing U+0020 (SQL's RTRIM; not {@link String#stripTrailing}, which also drops tabs). */
  static String withoutTrailingBlanks(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }

  static long hash(String s, MessageDigest md5) {
    byte[] d = md5.digest(s.getBytes(StandardCharsets.UTF_8));
    long h = 0;
    for (int i = 0; i < 8; i++) {
      h = (h << 8) | (d[i] & 0xff);
    }
    return h;
  }

  static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new SequelaException("MD5 is missing from this JVM", e);
    }
  }

  /**
   * The projection as an SQL expression over column {@code c}, in the dialect's spelling ({@link ProjectionSql});
   * a blank-padded (char(n)) column is hashed without its trailing blanks, as {@link #of} does.
   *
   * @param withTimeZone a timestamp column with time zone (Oracle needs to know; others ignore it)
   * @throws SequelaException.UnsupportedDialect for a dialect without {@link ProjectionSql#md5Bigint}
   */
  static String sql(Dialect d, ValueKind kind, String c, boolean blankPadded, boolean withTimeZone) {
    if (d.md5Bigint(c).isEmpty()) {
      throw new SequelaException.UnsupportedDialect("verify supports " + Dialect.enumerate(Dialect.ALL.stream()
          .filter(x -> x.md5Bigint(c).isPresent()).map(Dialect::name).toList(), "and") + ", not " + d.name());
    }
    return switch (kind) {
      case LONG -> d.bigintProjection(c);
      case DOUBLE -> d.microsProjection(c);
      case TIMESTAMP -> d.epochMicrosProjection(c, withTimeZone);
      case TEXT -> d.md5Bigint(blankPadded ? "RTRIM(" + c + ")" : c).orElseThrow();
      case UUID -> d.md5Bigint(d.uuidTextProjection(c)).orElseThrow();
    };
  }
}

package io.sequela.db;

import java.util.Optional;

/**
 * The SQL side of verify's fingerprints: each value kind projected onto a signed 64-bit integer, exactly as
 * {@code populate.Projection} computes it in Java, so that COUNT/MIN/MAX/SUM of the projection match the model.
 * The defaults are PostgreSQL's spelling, which H2 shares; a database without an MD5 has no verify.
 */
public interface ProjectionSql {

  /**
   * The first 8 bytes of the MD5 of a text expression (its UTF-8 bytes) as a signed 64-bit integer
   * (big-endian); empty where verify does not support the database (the default).
   */
  default Optional<String> md5Bigint(String textExpression) {
    return Optional.empty();
  }

  /** An integer column as a 64-bit integer. */
  default String bigintProjection(String column) {
    return "CAST(" + column + " AS BIGINT)";
  }

  /** {@code floor(v * 1e6)} of a double column, computed in double precision, as a 64-bit integer. */
  default String microsProjection(String column) {
    return "CAST(FLOOR(" + column + " * CAST(1000000 AS DOUBLE PRECISION)) AS BIGINT)";
  }

  /**
   * A timestamp column as µs since 1970-01-01 00:00 UTC; a column without time zone holds UTC wall-clock time
   * (as the populator loads it).
   *
   * @param withTimeZone the column is a timestamp with time zone
   */
  default String epochMicrosProjection(String column, boolean withTimeZone) {
    return "CAST(EXTRACT(EPOCH FROM " + column + ") * 1000000 AS BIGINT)";
  }

  /** A UUID column as text in {@link java.util.UUID#toString()}'s form (lower case, with hyphens). */
  default String uuidTextProjection(String column) {
    return "CAST(" + column + " AS VARCHAR)";
  }
}

package io.sequela.populate;

/**
 * The Java shape of a column's values, which decides how they are written and fingerprinted: LONG and
 * TIMESTAMP (epoch microseconds, UTC) as a long, DOUBLE as a double, TEXT as a String, UUID as a UUID.
 */
enum ValueKind {
  LONG, DOUBLE, TEXT, TIMESTAMP, UUID
}

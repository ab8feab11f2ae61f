package io.sequela.gatlingrun;

import java.util.regex.Pattern;

/**
 * Recognises a duplicate-key violation in a driver's error message, the only trace a failed insert leaves
 * in Gatling's simulation.log: PostgreSQL SQLState 23505 ("duplicate key value violates unique
 * constraint"), Oracle ORA-00001 ("unique constraint ... violated"), H2 23505 ("Unique index or primary key
 * violation", message ending {@code [23505-232]}), MariaDB 1062 ("Duplicate entry '...' for key").
 */
public final class DuplicateKeys {

  private static final Pattern DUPLICATE = Pattern.compile(
      "duplicate key value violates unique constraint|ORA-00001|Unique index or primary key violation|\\[23505-\\d+]|SQLState: 23505|Duplicate entry '[^']*' for key");

  private DuplicateKeys() {}

  /**
   * True when an error code (as a run record carries it, {@code Dialect.errorCode}) is a unique or primary-key
   * violation: 23505 (PostgreSQL, H2), ORA-00001 (Oracle), 1062 (MariaDB), or {@value #CODE} (a KO whose message
   * said so, recorded without a code: the JDBC plugin's).
   */
  public static boolean isDuplicateCode(String code) {
    return code != null && (code.equals("23505") || code.equals("ORA-00001") || code.equals("1062") || code.equals(CODE));
  }

  /** The code a KO is recorded under when only its message says it is a duplicate key. */
  public static final String CODE = "duplicate";

  /** True when the message reports a unique or primary-key violation; false for null. */
  public static boolean isDuplicate(String message) {
    return message != null && DUPLICATE.matcher(message).find();
  }
}

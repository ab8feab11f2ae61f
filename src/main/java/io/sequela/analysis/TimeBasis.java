package io.sequela.analysis;

import io.sequela.SequelaException;
import java.util.Locale;

/** Which clock orders the rows of JOB_EXECUTION for the ordering figures. */
public enum TimeBasis {
  /** The database's per-statement clock (column SQL_DATE); the default. */
  SQL_DATE("sql_date"),
  /** The load generator's clock, one JVM clock for all nodes (column PY_DATE). */
  PY_DATE("py_date");

  /** System property that selects the basis: {@code -Dsequela.analysis.clock=PY_DATE}. */
  public static final String PROPERTY = "sequela.analysis.clock";

  private final String column;

  TimeBasis(String column) {
    this.column = column;
  }

  /** The JOB_EXECUTION column holding this clock. */
  public String column() {
    return column;
  }

  /**
   * The basis named by {@value #PROPERTY}, {@link #SQL_DATE} when it is not set.
   *
   * @throws SequelaException.InvalidInput naming the property when the value is neither SQL_DATE nor PY_DATE
   */
  public static TimeBasis fromSystemProperty() {
    String v = System.getProperty(PROPERTY);
    if (v == null || v.isBlank()) {
      return SQL_DATE;
    }
    try {
      return valueOf(v.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SequelaException.InvalidInput(PROPERTY + ": must be SQL_DATE or PY_DATE, got '" + v + "'");
    }
  }
}

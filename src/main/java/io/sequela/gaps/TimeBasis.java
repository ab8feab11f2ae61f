package io.sequela.gaps;

import io.sequela.SequelaException;
import java.util.Locale;

/** Which clock orders the rows of JOB_EXECUTION for the ordering figures. */
public enum TimeBasis {
  /** The database's per-statement clock (column SQL_DATE); the default. */
  SQL_DATE("sql_date"),
  /** The load generator's clock, one JVM clock for all nodes (column PY_DATE). */
  PY_DATE("py_date");

  /** The setting that selects the basis: {@code -Dsequela.analysis.clock=PY_DATE}. */
  public static final String SETTING = "sequela.analysis.clock";

  private final String column;

  TimeBasis(String column) {
    this.column = column;
  }

  /** The JOB_EXECUTION column holding this clock. */
  public String column() {
    return column;
  }

  /**
   * The basis a user named, any case.
   *
   * @throws SequelaException.InvalidInput naming {@value #SETTING} when the value is neither SQL_DATE nor PY_DATE
   */
  public static TimeBasis parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SequelaException.InvalidInput(SETTING + ": must be SQL_DATE or PY_DATE, got '" + value + "'");
    }
  }
}

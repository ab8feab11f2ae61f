package io.sequela.simulation;

/**
 * Exit codes of a simulation's JVM when sequela stops it (sysexits.h values; Gatling itself uses 1 for a
 * crash and 2 for failed assertions, and Maven then reports BUILD FAILURE and exits 1).
 */
public final class ExitCodes {

  /**
   * A check of the plan's assertions failed (sequela-assertions.xml names it): Gatling's own code for failed
   * assertions, written after the report, the pages and the history.
   */
  public static final int CHECK_FAILED = io.sequela.nightly.NightlyOutcome.CHECK_FAILED;
  /** A bad plan or setting: nothing ran. */
  public static final int BAD_INPUT = 64;
  /** A database that cannot be reached or refuses the schema. */
  public static final int DATABASE = 69;
  /** The run finished but Gatling's OK count and the rows in the database disagree (wins over CHECK_FAILED). */
  public static final int RECONCILIATION_FAILED = 70;

  private ExitCodes() {}
}

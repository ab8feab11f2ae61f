package io.sequela.run;

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
  /** An injector of a several-injector run did not arrive at a stage within sequela.injector-timeout. */
  public static final int INJECTOR_MISSING = 75;
  /**
   * The run was interrupted (Ctrl-C, SIGTERM, its parent process gone): 128 + SIGINT, as a shell reports a Ctrl-C. Its
   * pages, JUnit file and history row (status interrupted) cover what ran.
   */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}

  /**
   * The exit status for a sequela error that stops a simulation: 64 (bad input, an unsupported database
   * included), 75, 130 (interrupted) or otherwise 69.
   */
  public static int of(io.sequela.SequelaException e) {
    if (e instanceof io.sequela.SequelaException.Interrupted) {
      return INTERRUPTED;
    }
    if (e instanceof io.sequela.SequelaException.InvalidInput || e instanceof io.sequela.SequelaException.UnsupportedDialect) {
      return BAD_INPUT;
    }
    return e instanceof io.sequela.SequelaException.InjectorMissing ? INJECTOR_MISSING : DATABASE;
  }
}

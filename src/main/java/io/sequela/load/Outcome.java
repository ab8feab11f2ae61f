package io.sequela.load;

/**
 * What one unit of {@link Work} came to. The timed span covers execute, plus reading every row for a
 * query, or the commit alone for a commit; binding and preparing are outside it. Times are taken once,
 * in ns ({@link System#nanoTime()}); the ms figures are the same instants on the caller's ms clock
 * (Gatling's), so {@code endMs - startMs} is the ns duration truncated at both ends and averages to it.
 *
 * @param startMs start of the timed span on the caller's clock, ms since the epoch
 * @param endMs end of the timed span on the caller's clock, ms since the epoch
 * @param startNanos start of the timed span, {@link System#nanoTime()} ns (only differences are meaningful)
 * @param durationNanos length of the timed span, ns (0 when the work failed before executing)
 * @param rows update count of an insert, rows read by a query, 0 for a commit or a failure
 * @param error null on success; else the driver's message (passwords masked), followed by
 *     {@code (SQLState: xxxxx)} when the driver gave one
 * @param sqlState the driver's SQLSTATE of a failure, or null
 * @param errorCode the code reports group a failed statement by ({@code Dialect.errorCode}: MariaDB's 1062,
 *     PostgreSQL's 23505, Oracle's ORA-00001), or null on success and for a failure that is not the database's
 */
public record Outcome(long startMs, long endMs, long startNanos, long durationNanos, long rows, String error,
    String sqlState, String errorCode) {

  /** An outcome without an error code: a success, or a failure before the database was reached. */
  public Outcome(long startMs, long endMs, long startNanos, long durationNanos, long rows, String error, String sqlState) {
    this(startMs, endMs, startNanos, durationNanos, rows, error, sqlState, null);
  }

  /** True when the work succeeded. */
  public boolean ok() {
    return error == null;
  }
}

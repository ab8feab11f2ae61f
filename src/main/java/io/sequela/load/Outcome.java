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
 */
public record Outcome(long startMs, long endMs, long startNanos, long durationNanos, long rows, String error,
    String sqlState) {

  /** True when the work succeeded. */
  public boolean ok() {
    return error == null;
  }
}

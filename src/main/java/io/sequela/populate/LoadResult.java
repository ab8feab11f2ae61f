package io.sequela.populate;

/**
 * What a load did.
 *
 * @param rows rows written over all tables
 * @param millis wall time of the load including DDL and index builds, in ms
 */
public record LoadResult(long rows, long millis) {

  /** Rows per second of wall time (rows/s). */
  public double rowsPerSecond() {
    return millis == 0 ? rows * 1000.0 : rows * 1000.0 / millis;
  }
}

package io.sequela.gaps;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One node's rows in one test x mode.
 *
 * @param node the node number
 * @param rows rows the node inserted
 * @param minId lowest sequence part
 * @param maxId highest sequence part
 * @param first time of the node's first row, on the analysis' time basis
 * @param last time of the node's last row
 */
public record NodeFigures(int node, long rows, long minId, long maxId, LocalDateTime first, LocalDateTime last) {

  /** Rows per second between the first and the last row; null when they share one instant. */
  public Double rowsPerSecond() {
    return GapMath.perSecond(rows, first, last);
  }

  /** Time from the first to the last row. */
  public Duration duration() {
    return Duration.between(first, last);
  }
}

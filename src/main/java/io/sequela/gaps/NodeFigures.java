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
 * @param active the time its rows took, summed over the measured blocks (first to last row of each); null for one
 *     stretch (then first to last)
 */
public record NodeFigures(int node, long rows, long minId, long maxId, LocalDateTime first, LocalDateTime last,
    Duration active) {

  /** One stretch of rows, first to last. */
  public NodeFigures(int node, long rows, long minId, long maxId, LocalDateTime first, LocalDateTime last) {
    this(node, rows, minId, maxId, first, last, null);
  }

  /** Rows per second over {@link #active} (within the blocks), else first to last row; null when no time passed. */
  public Double rowsPerSecond() {
    if (active != null) {
      return active.isZero() ? null : rows / (active.toNanos() / 1e9);
    }
    return GapMath.perSecond(rows, first, last);
  }

  /** The same node's figures of several blocks taken together: counts summed, extremes kept, times summed. */
  static NodeFigures sum(NodeFigures a, NodeFigures b) {
    return new NodeFigures(a.node, a.rows + b.rows, Math.min(a.minId, b.minId), Math.max(a.maxId, b.maxId),
        a.first.isBefore(b.first) ? a.first : b.first, a.last.isAfter(b.last) ? a.last : b.last,
        a.activeOrSpan().plus(b.activeOrSpan()));
  }

  private Duration activeOrSpan() {
    return active != null ? active : Duration.between(first, last);
  }

  /** Time from the first to the last row. */
  public Duration duration() {
    return Duration.between(first, last);
  }
}

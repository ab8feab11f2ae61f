package io.sequela.gaps;

import io.sequela.config.SequenceMode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The figures of one test x mode of one run. Ids are sequence parts ({@code MOD(id, 1e8)}).
 *
 * @param mode ORDER, NOORDER or AUTO_INCREMENT
 * @param rows rows in JOB_EXECUTION for this run, test and mode
 * @param distinctIds distinct sequence parts
 * @param duplicateIds rows whose sequence part an earlier row (in id order) already had: rows - distinct
 * @param minId lowest sequence part
 * @param maxId highest sequence part
 * @param gapCount places where the next id (in id order) is more than one step higher
 * @param largestGap the most values missing at one place, 0 without gaps (missing by design not counted)
 * @param islands runs of ids one step apart, in id order, from one node
 * @param nodeSwitches times the node changes walking the rows in id order
 * @param order inversion figures from the time-ordered pass
 * @param gapSizes how many gaps of each size
 * @param nodes per node, by node number, ascending
 * @param sample at most {@link GapAnalysis#MAX_SAMPLE_POINTS} rows in time order, every k-th row (k =
 *     {@code sampleStride}), for the scatter chart
 * @param sampleStride 1 when every row is in {@code sample}
 * @param idStep how far apart one node's consecutive ids are: the Galera cluster size under NOORDER and
 *     AUTO_INCREMENT (each node its own residue class), else 1
 * @param missingByDesign values of the span in other nodes' residue classes, never handed out by design
 *     (0 with step 1); not counted in {@link #missing()} nor in the gaps
 * @param sessions per node, which sessions inserted its rows; empty when JOB_EXECUTION has no DB_SESSION column
 * @param block the measured block these figures are of (JOB_EXECUTION.BLOCK_NO, 1-based); 0 for a mode's figures
 *     (the sum of its blocks, or its rows without blocks)
 * @param blocks the mode's figures per measured block, in block order, which the mode's counts are the sums of
 *     (a mode switch drops NOORDER's cache, so gaps, inversions and islands are counted within each block: a gap
 *     at a block boundary is not the mode's); empty for a block's own figures or rows without blocks
 */
public record ModeFigures(
    SequenceMode mode, long rows, long distinctIds, long duplicateIds, long minId, long maxId, long gapCount,
    long largestGap, long islands, long nodeSwitches, OrderFigures order, GapHistogram gapSizes,
    Map<Integer, NodeFigures> nodes, List<SamplePoint> sample, int sampleStride, int idStep, long missingByDesign,
    Map<Integer, NodeSessions> sessions, int block, List<ModeFigures> blocks) {

  public ModeFigures {
    nodes = Map.copyOf(nodes);
    sample = List.copyOf(sample);
    sessions = Map.copyOf(sessions);
    blocks = List.copyOf(blocks);
  }

  /** Figures of one stretch of rows (one pass, no blocks). */
  public ModeFigures(
      SequenceMode mode, long rows, long distinctIds, long duplicateIds, long minId, long maxId, long gapCount,
      long largestGap, long islands, long nodeSwitches, OrderFigures order, GapHistogram gapSizes,
      Map<Integer, NodeFigures> nodes, List<SamplePoint> sample, int sampleStride, int idStep, long missingByDesign,
      Map<Integer, NodeSessions> sessions) {
    this(mode, rows, distinctIds, duplicateIds, minId, maxId, gapCount, largestGap, islands, nodeSwitches, order,
        gapSizes, nodes, sample, sampleStride, idStep, missingByDesign, sessions, 0, List.of());
  }

  /** The same figures with the nodes' sessions. */
  public ModeFigures withSessions(Map<Integer, NodeSessions> bySession) {
    return new ModeFigures(mode, rows, distinctIds, duplicateIds, minId, maxId, gapCount, largestGap, islands,
        nodeSwitches, order, gapSizes, nodes, sample, sampleStride, idStep, missingByDesign, bySession, block, blocks);
  }

  /** The same figures as block {@code b}'s. */
  ModeFigures asBlock(int b) {
    return new ModeFigures(mode, rows, distinctIds, duplicateIds, minId, maxId, gapCount, largestGap, islands,
        nodeSwitches, order, gapSizes, nodes, sample, sampleStride, idStep, missingByDesign, sessions, b, List.of());
  }

  /**
   * max - min + 1: the values the sequence handed out between the lowest and highest id; with blocks, the sum of the
   * blocks' spans (values handed out to the other mode's blocks in between are not this mode's).
   */
  public long span() {
    if (!blocks.isEmpty()) {
      return blocks.stream().mapToLong(ModeFigures::span).sum();
    }
    return rows == 0 ? 0 : maxId - minId + 1;
  }

  /**
   * span - distinct - missing by design: values the sequence could have handed out but found in no row
   * (cached, then lost), comparable with RAC's.
   */
  public long missing() {
    return span() - distinctIds - missingByDesign;
  }

  /** rows / islands; 0 without rows. */
  public double meanIslandLength() {
    return islands == 0 ? 0 : (double) rows / islands;
  }

  /** Time of the first row of the mode, on the analysis' time basis. */
  public LocalDateTime first() {
    return nodes.values().stream().map(NodeFigures::first).min(LocalDateTime::compareTo).orElseThrow();
  }

  /** Time of the last row of the mode. */
  public LocalDateTime last() {
    return nodes.values().stream().map(NodeFigures::last).max(LocalDateTime::compareTo).orElseThrow();
  }

  /**
   * All nodes' rows per second from the mode's first to its last row; with blocks, rows over the blocks' own times
   * (each first to last row) summed; null when no time passed.
   */
  public Double rowsPerSecond() {
    if (!blocks.isEmpty()) {
      long nanos = blocks.stream().mapToLong(b -> java.time.Duration.between(b.first(), b.last()).toNanos()).sum();
      return nanos == 0 ? null : rows / (nanos / 1e9);
    }
    return GapMath.perSecond(rows, first(), last());
  }

  /**
   * One row for the scatter chart.
   *
   * @param millis time since the mode's first row, in ms
   * @param id the sequence part
   * @param node the node number
   * @param session the row's DB_SESSION when the chart is coloured by session, else 0
   */
  public record SamplePoint(long millis, long id, int node, long session) {

    /** A point without its session. */
    public SamplePoint(long millis, long id, int node) {
      this(millis, id, node, 0);
    }
  }
}

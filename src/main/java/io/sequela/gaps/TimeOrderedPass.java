package io.sequela.gaps;

import io.sequela.config.SequenceMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All figures of one test x mode from its rows in time order, read once: inversions, gaps and islands
 * ({@link OrderStream}), per-node rows, ids and first/last times, and the scatter sample. 17 to about 22
 * bytes of heap per row; not thread-safe.
 */
final class TimeOrderedPass {

  private static final int INITIAL_ROWS = 1 << 16;

  private final OrderStream stream;
  private final int idStep;
  private final Tally[] tallies = new Tally[OrderStream.MAX_NODES];
  private final List<ModeFigures.SamplePoint> sample = new ArrayList<>();
  private int stride = 1;
  private LocalDateTime start;

  TimeOrderedPass() {
    this(1);
  }

  /** @param idStep how far apart one node's consecutive ids are, at least 1 ({@link OrderStream}) */
  TimeOrderedPass(int idStep) {
    this.stream = new OrderStream(INITIAL_ROWS, idStep);
    this.idStep = idStep;
  }

  /**
   * Takes the next row in time order (equal times in id order).
   *
   * @param time the row's time on the analysis' basis
   * @param id the sequence part, 0 to {@link OrderStream#MAX_ID}
   * @param node the row's node number
   * @throws IllegalArgumentException as {@link OrderStream#add} does
   */
  void add(LocalDateTime time, long id, int node) {
    add(time, id, node, 0);
  }

  /** As {@link #add(LocalDateTime, long, int)}, the row's session kept in the sample ({@code 0}: none). */
  void add(LocalDateTime time, long id, int node, long session) {
    int row = stream.rows();
    int index = stream.add(id, node);
    Tally t = tallies[index];
    if (t == null) {
      tallies[index] = new Tally(node, id, time);
    } else {
      t.add(id, time);
    }
    if (row == 0) {
      start = time;
    }
    if (row % stride == 0) {
      keepSample(row, time, id, node, session);
    }
  }

  /**
   * Keeps row {@code row} when it is a multiple of the stride. A full sample ({@link
   * GapAnalysis#MAX_SAMPLE_POINTS}) first drops every other point and doubles the stride, so the sample is
   * always every k-th row from the first, never more than that many points.
   */
  private void keepSample(int row, LocalDateTime time, long id, int node, long session) {
    if (sample.size() == GapAnalysis.MAX_SAMPLE_POINTS) {
      for (int i = 1; i < sample.size() / 2; i++) {
        sample.set(i, sample.get(2 * i));
      }
      sample.subList(sample.size() / 2, sample.size()).clear();
      stride *= 2;
    }
    if (row % stride == 0) {
      long millis = Duration.between(start, time).toMillis();
      sample.add(new ModeFigures.SamplePoint(millis, id, node, session));
    }
  }

  /** Rows taken so far. */
  int rows() {
    return stream.rows();
  }

  /**
   * The figures of the rows taken; the pass takes no more rows afterwards.
   *
   * @throws IllegalStateException when no row was taken
   */
  ModeFigures finish(SequenceMode mode) {
    if (stream.rows() == 0) {
      throw new IllegalStateException("no rows");
    }
    OrderFigures order = stream.finish();
    IdOrderFigures ids = stream.idOrder();
    Map<Integer, NodeFigures> nodes = new LinkedHashMap<>();
    for (Tally t : tallies) {
      if (t != null) {
        nodes.put(t.node, new NodeFigures(t.node, t.rows, t.minId, t.maxId, t.first, t.last));
      }
    }
    return new ModeFigures(mode, stream.rows(), ids.distinctIds(), ids.duplicateIds(), ids.minId(), ids.maxId(),
        ids.gapCount(), ids.largestGap(), ids.islands(), ids.nodeSwitches(), order, ids.gapSizes(), nodes, sample,
        stride, idStep, ids.missingByDesign(), Map.of());
  }

  /** One node's rows so far. */
  private static final class Tally {
    final int node;
    final LocalDateTime first;
    LocalDateTime last;
    long rows = 1;
    long minId;
    long maxId;

    Tally(int node, long id, LocalDateTime time) {
      this.node = node;
      this.first = time;
      this.last = time;
      this.minId = id;
      this.maxId = id;
    }

    void add(long id, LocalDateTime time) {
      rows++;
      minId = Math.min(minId, id);
      maxId = Math.max(maxId, id);
      last = time;
    }
  }
}

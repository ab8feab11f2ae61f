package io.sequela.gaps;

import java.util.Arrays;

/**
 * Gaps, islands, duplicates and node switches from the rows in id order, as a LAG over
 * {@code ORDER BY id, node} gives them: the caller hands over the rows of one id together, and equal ids
 * are visited in ascending node number. One instance per walk; O(1) memory besides one group buffer.
 */
final class IdOrderWalk {

  private final long[] buckets = new long[GapHistogram.BUCKETS.size()];
  private int[] group = new int[8];
  private int groupSize;
  private long groupId;
  private long rows;
  private long minId;
  private long previousId;
  private int previousNode;
  private long duplicates;
  private long gapCount;
  private long largestGap;
  private long islands;
  private long switches;

  /**
   * Takes the next row in id order; rows of one id may come in any node order.
   *
   * @param id the sequence part, not lower than the previous one
   * @param node the row's node number
   */
  void add(long id, int node) {
    if (groupSize > 0 && id != groupId) {
      flushGroup();
    }
    if (groupSize == group.length) {
      group = Arrays.copyOf(group, group.length * 2);
    }
    groupId = id;
    group[groupSize++] = node;
  }

  /** The figures of all rows taken. */
  IdOrderFigures finish() {
    flushGroup();
    return new IdOrderFigures(rows - duplicates, duplicates, minId, rows == 0 ? 0 : previousId, gapCount,
        largestGap, islands, switches, new GapHistogram(Arrays.stream(buckets).boxed().toList()));
  }

  private void flushGroup() {
    if (groupSize > 1) {
      Arrays.sort(group, 0, groupSize);
    }
    for (int i = 0; i < groupSize; i++) {
      visit(groupId, group[i]);
    }
    groupSize = 0;
  }

  private void visit(long id, int node) {
    if (rows == 0) {
      minId = id;
      islands = 1;
    } else {
      long step = id - previousId;
      if (step == 0) {
        duplicates++;
      } else if (step > 1) {
        gapCount++;
        largestGap = Math.max(largestGap, step - 1);
        buckets[GapHistogram.bucketOf(step - 1)]++;
      }
      if (step != 1 || node != previousNode) {
        islands++;
      }
      if (node != previousNode) {
        switches++;
      }
    }
    rows++;
    previousId = id;
    previousNode = node;
  }
}

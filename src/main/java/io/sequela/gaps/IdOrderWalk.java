package io.sequela.gaps;

import java.util.Arrays;

/**
 * Gaps, islands, duplicates and node switches from the rows in id order, as a LAG over
 * {@code ORDER BY id, node} gives them: the caller hands over the rows of one id together, and equal ids
 * are visited in ascending node number. One instance per walk; O(1) memory besides one group buffer.
 *
 * <p>With an id step k &gt; 1 (MariaDB Galera: each node takes values of its own residue class modulo the
 * cluster size k) a node's consecutive ids are k apart, and of the values missing between two ids a and b
 * only those of a's class, floor((b - a - 1) / k), could have been handed out: they count as missing and make
 * a gap; the others belong to other nodes' classes inside a's block and count as missing by design. An island
 * is then a run of ids k apart from one node. With k = 1 every missing value counts as missing.
 */
final class IdOrderWalk {

  private final long step;
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
  private long missingByDesign;

  /** @param step how far apart one node's consecutive ids are, at least 1 */
  IdOrderWalk(int step) {
    if (step < 1) {
      throw new IllegalArgumentException("id step must be at least 1, got " + step);
    }
    this.step = step;
  }

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
        largestGap, islands, switches, new GapHistogram(Arrays.stream(buckets).boxed().toList()), missingByDesign);
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
      long distance = id - previousId;
      if (distance == 0) {
        duplicates++;
      } else if (distance > 1) {
        long missing = (distance - 1) / step;
        missingByDesign += distance - 1 - missing;
        if (missing > 0) {
          gapCount++;
          largestGap = Math.max(largestGap, missing);
          buckets[GapHistogram.bucketOf(missing)]++;
        }
      }
      if (distance != step || node != previousNode) {
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

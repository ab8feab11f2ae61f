package io.sequela.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OrderStreamTest {

  @Test
  void handMadeInterleavingGivesKnownInversions() {
    OrderFigures f = stream(new long[] {1, 2, 101, 3, 102, 4}, new int[] {1, 1, 2, 1, 2, 1});
    assertThat(f).isEqualTo(new OrderFigures(2, 3, 3, 0, 2));
  }

  @Test
  void perfectlyOrderedRowsHaveNoInversions() {
    long[] ids = new long[1000];
    int[] nodes = new int[1000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = 261 + i;
      nodes[i] = 1 + i % 3;
    }
    assertThat(stream(ids, nodes)).isEqualTo(new OrderFigures(0, 0, 0, 0, 0));
  }

  @Test
  void equalIdsAreNotInversions() {
    OrderFigures f = stream(new long[] {5, 5, 4, 5}, new int[] {1, 2, 1, 2});
    assertThat(f.totalInversions()).isEqualTo(2);
    assertThat(f.sameNodeInversions()).isEqualTo(1);
    assertThat(f.adjacentInversions()).isEqualTo(1);
  }

  @Test
  void agreesWithBruteForceOnRandomPermutations() {
    Random r = new Random(42);
    for (int round = 0; round < 200; round++) {
      int n = 1 + r.nextInt(300);
      long[] ids = new long[n];
      int[] nodes = new int[n];
      for (int i = 0; i < n; i++) {
        ids[i] = i;
        nodes[i] = 1 + r.nextInt(1 + round % 4);
      }
      for (int i = n - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        long t = ids[i];
        ids[i] = ids[j];
        ids[j] = t;
      }
      if (round % 5 == 0 && n > 2) {
        ids[r.nextInt(n)] = ids[r.nextInt(n)];
      }
      assertThat(stream(ids, nodes)).as("round %d", round).isEqualTo(bruteForce(ids, nodes));
    }
  }

  @Test
  void idOrderAgreesWithALagOverIdAndNodeOnRandomRows() {
    Random r = new Random(7);
    for (int round = 0; round < 200; round++) {
      int n = 1 + r.nextInt(300);
      long[] ids = new long[n];
      int[] nodes = new int[n];
      for (int i = 0; i < n; i++) {
        ids[i] = 261 + r.nextInt(n + r.nextInt(2000));
        nodes[i] = 1 + r.nextInt(1 + round % 4);
      }
      assertThat(finished(ids, nodes).idOrder()).as("round %d", round).isEqualTo(lagOverIdAndNode(ids, nodes));
    }
  }

  @Test
  void equalIdsAreWalkedInNodeOrderWhateverTheirTimeOrder() {
    // id order 4/1, 5/1, 5/2: one switch, islands {4,5 on node 1} {5 on node 2}
    assertThat(finished(new long[] {4, 5, 5}, new int[] {1, 2, 1}).idOrder()).extracting(IdOrderFigures::nodeSwitches, IdOrderFigures::islands,
        IdOrderFigures::duplicateIds).containsExactly(1L, 2L, 1L);
  }

  @Test
  void refusesIdsBeyondTheSequencePart() {
    OrderStream s = new OrderStream(1);
    assertThatThrownBy(() -> s.add(OrderStream.MAX_ID + 1, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static OrderFigures stream(long[] ids, int[] nodes) {
    return filled(ids, nodes).finish();
  }

  /** A stream that took the rows, not finished yet. */
  private static OrderStream filled(long[] ids, int[] nodes) {
    OrderStream s = new OrderStream(2);
    for (int i = 0; i < ids.length; i++) {
      s.add(ids[i], nodes[i]);
    }
    return s;
  }

  private static OrderStream finished(long[] ids, int[] nodes) {
    OrderStream s = filled(ids, nodes);
    s.finish();
    return s;
  }

  /** What the former SQL computed: LAG over ORDER BY id, node, one row at a time. */
  static IdOrderFigures lagOverIdAndNode(long[] ids, int[] nodes) {
    Integer[] order = new Integer[ids.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingLong(i -> ids[i]).thenComparingInt(i -> nodes[i]));
    long[] buckets = new long[GapHistogram.BUCKETS.size()];
    long dup = 0;
    long gaps = 0;
    long largest = 0;
    long islands = 0;
    long switches = 0;
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      Long step = k == 0 ? null : ids[i] - ids[order[k - 1]];
      Integer prevNode = k == 0 ? null : nodes[order[k - 1]];
      dup += step != null && step == 0 ? 1 : 0;
      if (step != null && step > 1) {
        gaps++;
        largest = Math.max(largest, step - 1);
        buckets[GapHistogram.bucketOf(step - 1)]++;
      }
      islands += step == null || step != 1 || nodes[i] != prevNode ? 1 : 0;
      switches += prevNode != null && nodes[i] != prevNode ? 1 : 0;
    }
    return new IdOrderFigures(ids.length - dup, dup, Arrays.stream(ids).min().orElseThrow(),
        Arrays.stream(ids).max().orElseThrow(), gaps, largest, islands, switches,
        new GapHistogram(Arrays.stream(buckets).boxed().toList()), 0);
  }

  /** O(n^2) pairs; rank by id = ids strictly lower + equal ids earlier in time. */
  static OrderFigures bruteForce(long[] ids, int[] nodes) {
    long adjacent = 0;
    long total = 0;
    long same = 0;
    long displacement = 0;
    for (int i = 0; i < ids.length; i++) {
      if (i > 0 && ids[i] < ids[i - 1]) {
        adjacent++;
      }
      long rank = 0;
      for (int j = 0; j < ids.length; j++) {
        if (j > i && ids[i] > ids[j]) {
          total++;
          same += nodes[i] == nodes[j] ? 1 : 0;
        }
        if (ids[j] < ids[i] || (ids[j] == ids[i] && j < i)) {
          rank++;
        }
      }
      displacement = Math.max(displacement, Math.abs(rank - i));
    }
    return new OrderFigures(adjacent, total, total - same, same, displacement);
  }
}

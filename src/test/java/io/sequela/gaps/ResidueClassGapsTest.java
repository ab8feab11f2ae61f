package io.sequela.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Galera's NOORDER: each node takes ids of its own residue class modulo the cluster size (step 3), so of the
 * values between two ids only those of the lower id's class count as missing; the rest are missing by design.
 */
class ResidueClassGapsTest {

  /** Node 1's block 1, 4, 7 (10 and 13 lost), node 2's 14, 17, 20 (23 lost), node 3's 24, 27; in time order by node. */
  private static final long[] IDS = {1, 4, 7, 14, 17, 20, 24, 27};
  private static final int[] NODES = {1, 1, 1, 2, 2, 2, 3, 3};

  private static IdOrderFigures walk(int step) {
    OrderStream s = new OrderStream(IDS.length, step);
    for (int i = 0; i < IDS.length; i++) {
      s.add(IDS[i], NODES[i]);
    }
    s.finish();
    return s.idOrder();
  }

  @Test
  void valuesOfOtherNodesClassesAreMissingByDesignNotMissingNorGaps() {
    IdOrderFigures f = walk(3);
    assertThat(f.missingByDesign()).isEqualTo(16);
    long span = f.maxId() - f.minId() + 1;
    assertThat(span - f.distinctIds() - f.missingByDesign()).as("missing: 10, 13 and 23").isEqualTo(3);
    assertThat(f.gapCount()).isEqualTo(2);
    assertThat(f.largestGap()).isEqualTo(2);
    assertThat(f.gapSizes().counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
    assertThat(f.islands()).as("one island per node's block of ids 3 apart").isEqualTo(3);
  }

  @Test
  void stepOneCountsEveryMissingValue() {
    IdOrderFigures f = walk(1);
    assertThat(f.missingByDesign()).isZero();
    assertThat(f.gapCount()).isEqualTo(7);
    assertThat(f.largestGap()).isEqualTo(6);
    assertThat(f.islands()).isEqualTo(8);
  }

  @Test
  void aStepBelowOneIsABug() {
    assertThatThrownBy(() -> new OrderStream(4, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}

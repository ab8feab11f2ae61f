package io.sequela.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The balanced order: ABBA BAAB for two variants, Williams squares for more, the same for the same seed. */
class BlockOrderTest {

  private static List<String> strategies(int k) {
    return IntStream.range(0, k).mapToObj(i -> "s" + i).toList();
  }

  @Test
  void twoVariantsRunAbbaBaabStartingWithTheVariantTheSeedPicks() {
    Set<String> patterns = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      BlockOrder order = BlockOrder.balanced(List.of("ORDER", "NOORDER"), 4, seed);
      patterns.add(order.pattern());
      assertThat(order.pattern()).isIn("AB BA BA AB", "BA AB AB BA");
    }
    assertThat(patterns).as("the seed decides which variant runs first").hasSize(2);
    assertThat(BlockOrder.balanced(List.of("ORDER", "NOORDER"), 8, 0).pattern())
        .isIn("AB BA BA AB AB BA BA AB", "BA AB AB BA BA AB AB BA");
  }

  @Test
  void everyVariantTakesEverySlotEquallyOftenAndFollowsEveryOtherEquallyOften() {
    for (int k = 2; k <= 8; k++) {
      for (int cycles = 1; cycles <= 2; cycles++) {
        int rounds = BlockOrder.roundsForBalance(k) * cycles;
        BlockOrder order = BlockOrder.balanced(strategies(k), rounds, 7 * k + cycles);
        int[][] slots = new int[k][k];
        int[][] follows = new int[k][k];
        long[] positionSum = new long[k];
        List<Block> blocks = order.blocks();
        for (int i = 0; i < blocks.size(); i++) {
          Block block = blocks.get(i);
          slots[block.variant()][block.slot()]++;
          positionSum[block.variant()] += block.position();
          if (block.slot() > 0) {
            follows[blocks.get(i - 1).variant()][block.variant()]++;
          }
        }
        assertThat(order.slotBalanced()).isTrue();
        for (int v = 0; v < k; v++) {
          for (int s = 0; s < k; s++) {
            assertThat(slots[v][s]).as("k=%d: variant %d in slot %d", k, v, s).isEqualTo(rounds / k);
            if (v != s) {
              assertThat(follows[v][s]).as("k=%d: %d right before %d", k, v, s)
                  .isEqualTo(rounds * (k - 1) / (k * (k - 1)));
            }
          }
          assertThat(positionSum[v]).as("k=%d: a linear drift touches every variant alike", k)
              .isEqualTo(positionSum[0]);
        }
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameOrderAndOtherSeedsOtherOrders() {
    BlockOrder one = BlockOrder.balanced(strategies(7), 14, 42);
    assertThat(BlockOrder.balanced(strategies(7), 14, 42).blocks()).isEqualTo(one.blocks());
    Set<String> patterns = new HashSet<>();
    for (long seed = 0; seed < 10; seed++) {
      patterns.add(BlockOrder.balanced(strategies(7), 14, seed).pattern());
    }
    assertThat(patterns).hasSizeGreaterThan(5);
    assertThat(one.blocks()).hasSize(7 * 14);
    assertThat(one.blocks()).extracting(Block::position).containsExactlyElementsOf(
        IntStream.range(0, 98).boxed().toList());
  }

  @Test
  void anAaPairIsTwoVariantsToldApartByIndex() {
    BlockOrder order = BlockOrder.balanced(List.of("NOORDER", "NOORDER"), 4, 1);
    assertThat(order.variants()).isEqualTo(2);
    assertThat(order.names()).containsExactly("NOORDER#1", "NOORDER#2");
    assertThat(order.blocks()).filteredOn(b -> b.variant() == 0).hasSize(4)
        .allSatisfy(b -> assertThat(b.name()).isEqualTo("NOORDER#1"));
    assertThat(BlockOrder.names(List.of("a", "b", "a"))).containsExactly("a#1", "b", "a#2");
  }

  @Test
  void pairsAreTheTwoVariantsBlocksOfEachRoundNeighboursForTwoVariants() {
    BlockOrder order = BlockOrder.balanced(List.of("ORDER", "NOORDER"), 4, 3);
    List<BlockPair> pairs = order.pairs(1, 0);
    assertThat(pairs).hasSize(4);
    List<Integer> firsts = new ArrayList<>();
    for (BlockPair p : pairs) {
      assertThat(p.a().variant()).isEqualTo(1);
      assertThat(p.b().variant()).isEqualTo(0);
      assertThat(p.a().round()).isEqualTo(p.b().round());
      assertThat(Math.abs(p.a().position() - p.b().position())).isEqualTo(1);
      firsts.add(p.a().position() < p.b().position() ? 1 : 0);
    }
    assertThat(firsts).as("each variant runs first in half of the pairs").containsOnly(0, 1)
        .filteredOn(f -> f == 1).hasSize(2);
    BlockOrder seven = BlockOrder.balanced(strategies(7), 7, 3);
    assertThat(seven.pairs(2, 5)).hasSize(7).allSatisfy(p -> assertThat(p.a().round()).isEqualTo(p.b().round()));
  }

  @Test
  void anIncompleteCycleIsSaidToBeUnbalanced() {
    assertThat(BlockOrder.balanced(strategies(3), 4, 0).slotBalanced()).isFalse();
    assertThat(BlockOrder.balanced(strategies(3), 3, 0).slotBalanced()).isTrue();
    assertThat(BlockOrder.roundsForBalance(1)).isEqualTo(1);
    assertThat(BlockOrder.roundsForBalance(2)).isEqualTo(2);
    assertThat(BlockOrder.roundsForBalance(7)).isEqualTo(14);
  }

  @Test
  void badInputIsRefusedWithTheRule() {
    assertThatThrownBy(() -> BlockOrder.balanced(List.of(), 4, 0)).hasMessageContaining("at least one");
    assertThatThrownBy(() -> BlockOrder.balanced(List.of("A", " "), 4, 0)).hasMessageContaining("blank");
    assertThatThrownBy(() -> BlockOrder.balanced(List.of("A", "B"), 0, 0)).hasMessage(
        "blocks per variant: must be >= 1, got 0");
    assertThatThrownBy(() -> BlockOrder.balanced(List.of("A", "B"), 2, 0).pairs(0, 0))
        .hasMessageContaining("two distinct indexes");
  }
}

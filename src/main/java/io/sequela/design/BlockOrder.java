package io.sequela.design;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.util.MathArrays;

/**
 * The order in which the variants' measured blocks run: rounds, each running every variant once, in a balanced
 * order, so that drift (JIT, caches, a growing table and index) touches every variant alike. Immutable.
 *
 * <p>The rounds are the rows of a Williams square (E. J. Williams, "Experimental designs balanced for the
 * estimation of residual effects of treatments", Aust. J. Sci. Res. 2, 1949): every variant takes every slot of a
 * round once in {@code k} rounds ({@code k} variants), and every variant follows every other one equally often
 * (after {@code k} rounds for even {@code k}, {@code 2k} for odd {@code k}, whose square is followed by its rows
 * reversed). The square's rows run forwards, then backwards (mirrored), and so on, which for two variants is the
 * counterbalanced ABBA BAAB: a linear drift cancels within each ABBA, a quadratic one within ABBA BAAB. The seed
 * shuffles which variant takes which symbol of the square (commons-math3 {@link Well19937c}, {@link MathArrays}):
 * the same variants, blocks and seed always give the same order, and the caller records the seed
 * ({@link DesignStamp}).
 *
 * <p>Balance is exact when the blocks per variant are a multiple of {@link #roundsForBalance}; otherwise the
 * last, incomplete cycle is as balanced as its rounds allow. Variants are told apart by their index, never by
 * their label, so {@code ["NOORDER", "NOORDER"]} is an A/A design of two variants.
 */
public final class BlockOrder {

  private final List<String> names;
  private final int blocksPerVariant;
  private final long seed;
  private final List<Block> blocks;

  private BlockOrder(List<String> names, int blocksPerVariant, long seed, List<Block> blocks) {
    this.names = names;
    this.blocksPerVariant = blocksPerVariant;
    this.seed = seed;
    this.blocks = blocks;
  }

  /**
   * The balanced order of {@code blocksPerVariant} blocks of each variant.
   *
   * @param labels the variants in the plan's order, e.g. {@code ["ORDER", "NOORDER"]}, 7 key strategies, or
   *     {@code ["NOORDER", "NOORDER"]} (A/A); at least one, none blank
   * @param blocksPerVariant blocks (= rounds) per variant, at least 1
   * @param seed the order's seed; record it
   * @return the order
   * @throws IllegalArgumentException for no label, a blank one, or fewer than 1 block
   */
  public static BlockOrder balanced(List<String> labels, int blocksPerVariant, long seed) {
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("variants: must name at least one, got none");
    }
    if (blocksPerVariant < 1) {
      throw new IllegalArgumentException("blocks per variant: must be >= 1, got " + blocksPerVariant);
    }
    List<String> names = names(labels);
    int k = names.size();
    int[] variantOfSymbol = new int[k];
    for (int i = 0; i < k; i++) {
      variantOfSymbol[i] = i;
    }
    MathArrays.shuffle(variantOfSymbol, new Well19937c(seed));
    List<int[]> square = williamsSquare(k);
    List<Block> blocks = new ArrayList<>(k * blocksPerVariant);
    for (int round = 0; round < blocksPerVariant; round++) {
      int cycle = round / square.size();
      int row = round % square.size();
      int[] symbols = square.get(cycle % 2 == 0 ? row : square.size() - 1 - row);
      for (int slot = 0; slot < k; slot++) {
        int v = variantOfSymbol[symbols[slot]];
        blocks.add(new Block(v, names.get(v), round, round, slot, blocks.size()));
      }
    }
    return new BlockOrder(names, blocksPerVariant, seed, Collections.unmodifiableList(blocks));
  }

  /**
   * Rounds after which every variant has taken every slot equally often and followed every other variant equally
   * often: {@code k} for an even number of variants, {@code 2k} for an odd one (1 for a single variant).
   */
  static int roundsForBalance(int variants) {
    return variants <= 1 ? 1 : variants % 2 == 0 ? variants : 2 * variants;
  }

  /** The variants' names by index: the labels, {@code #1}, {@code #2}, ... appended to a repeated one. */
  public List<String> names() {
    return names;
  }

  /** How many variants. */
  public int variants() {
    return names.size();
  }

  /** Blocks per variant, which is also the number of rounds. */
  public int blocksPerVariant() {
    return blocksPerVariant;
  }

  /** The seed the order was drawn with. */
  public long seed() {
    return seed;
  }

  /** Every block in the order it runs ({@code variants() x blocksPerVariant()} of them). */
  public List<Block> blocks() {
    return blocks;
  }

  /** True when every variant takes every slot of a round equally often (blocks a multiple of the variants). */
  public boolean slotBalanced() {
    return blocksPerVariant % variants() == 0;
  }

  /**
   * The pairs the interval of {@code b - a} rests on: per round, a's block and b's block (neighbours when there are
   * two variants, as in AB BA BA AB).
   *
   * @param a the reference variant's index (e.g. NOORDER's)
   * @param b the measured variant's index (e.g. ORDER's), not {@code a}
   * @return one pair per round, in round order
   * @throws IllegalArgumentException for an index out of range or {@code a == b}
   */
  public List<BlockPair> pairs(int a, int b) {
    if (a == b || a < 0 || b < 0 || a >= variants() || b >= variants()) {
      throw new IllegalArgumentException("pairs: variants must be two distinct indexes within 0.." + (variants() - 1)
          + ", got " + a + " and " + b);
    }
    Block[] ofA = new Block[blocksPerVariant];
    Block[] ofB = new Block[blocksPerVariant];
    for (Block block : blocks) {
      if (block.variant() == a) {
        ofA[block.round()] = block;
      } else if (block.variant() == b) {
        ofB[block.round()] = block;
      }
    }
    List<BlockPair> pairs = new ArrayList<>(blocksPerVariant);
    for (int r = 0; r < blocksPerVariant; r++) {
      pairs.add(new BlockPair(ofA[r], ofB[r]));
    }
    return List.copyOf(pairs);
  }

  /**
   * The order as letters, rounds apart: variant 0 is A, 1 is B, ...; e.g. {@code "AB BA BA AB"}. For logs and
   * pages; more than 26 variants are written as their indexes in brackets.
   */
  public String pattern() {
    StringJoiner rounds = new StringJoiner(" ");
    StringBuilder round = new StringBuilder();
    for (Block block : blocks) {
      round.append(variants() <= 26 ? String.valueOf((char) ('A' + block.variant())) : "[" + block.variant() + "]");
      if (block.slot() == variants() - 1) {
        rounds.add(round);
        round.setLength(0);
      }
    }
    return rounds.toString();
  }

  @Override
  public String toString() {
    return "BlockOrder" + names + " x " + blocksPerVariant + " (seed " + seed + "): " + pattern();
  }

  /** The labels made distinct: a label given more than once gets {@code #1}, {@code #2}, ... */
  static List<String> names(List<String> labels) {
    Map<String, Integer> count = new HashMap<>();
    for (String label : labels) {
      if (label == null || label.isBlank()) {
        throw new IllegalArgumentException("variants: must not be blank, got " + labels);
      }
      count.merge(label, 1, Integer::sum);
    }
    Map<String, Integer> seen = new HashMap<>();
    List<String> names = new ArrayList<>(labels.size());
    for (String label : labels) {
      names.add(count.get(label) == 1 ? label : label + "#" + seen.merge(label, 1, Integer::sum));
    }
    return List.copyOf(names);
  }

  /**
   * The rows of a Williams square of symbols 0..k-1: row i is the first row {@code 0, 1, k-1, 2, k-2, ...} plus i
   * modulo k; for odd k the k rows reversed follow.
   */
  static List<int[]> williamsSquare(int k) {
    int[] first = new int[k];
    for (int j = 1, lo = 1, hi = k - 1; j < k; j++) {
      first[j] = j % 2 == 1 ? lo++ : hi--;
    }
    List<int[]> rows = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      int[] row = new int[k];
      for (int j = 0; j < k; j++) {
        row[j] = (first[j] + i) % k;
      }
      rows.add(row);
    }
    if (k % 2 == 1 && k > 1) {
      for (int i = 0; i < k; i++) {
        int[] row = new int[k];
        for (int j = 0; j < k; j++) {
          row[j] = rows.get(i)[k - 1 - j];
        }
        rows.add(row);
      }
    }
    return rows;
  }
}

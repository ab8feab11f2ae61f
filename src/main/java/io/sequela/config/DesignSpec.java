package io.sequela.config;

/**
 * How a SeqOrder test compares its modes (docs/experiment-design.md): the warm-up every variant runs untimed before
 * the first measured block, the measured blocks per variant (each the test's iterations divided over the blocks: a
 * block is a number of inserts) and the seed of their balanced order. Plan or test keys {@code warmup},
 * {@code blocks}, {@code order_seed}; defaults in {@code sequela.plan-defaults}. Immutable.
 *
 * @param warmup the warm-up of every variant
 * @param blocks measured blocks per variant (mode), at least 1; an interval needs at least 3 pairs
 * @param orderSeed the seed of the block order (recorded in the design stamp)
 */
public record DesignSpec(WarmupSpec warmup, int blocks, long orderSeed) {

  /**
   * Today's design before issue 23 for tests built in code: no warm-up, one block per mode, seed 1 (each mode runs
   * once, in the listed order).
   */
  public static final DesignSpec SINGLE = new DesignSpec(WarmupSpec.NONE, 1, 1);

  public DesignSpec {
    if (warmup == null || blocks < 1) {
      throw new IllegalArgumentException("design: a warm-up and >= 1 block must be given, got " + warmup + ", "
          + blocks);
    }
  }
}

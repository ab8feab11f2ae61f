package io.sequela.design;

/**
 * The design a comparison ran by, stated with its results: in the JSON, on the pages and in each history row. A
 * nightly baseline takes only runs whose stamps are equal ({@link #equals}, or equal {@link #line()}s read back
 * from history), so runs of different designs are never mixed. Immutable.
 *
 * @param warmup the warm-up rule every variant ran by
 * @param blocksPerVariant measured blocks per variant, at least 1
 * @param block how long each block ran
 * @param orderSeed the seed of the {@link BlockOrder}
 */
public record DesignStamp(WarmupRule warmup, int blocksPerVariant, BlockSize block, long orderSeed) {

  /**
   * The version of the design's rules (order, pairing, interval). A change to them that moves figures raises it, so
   * that older runs stop counting as the same design.
   */
  public static final int VERSION = 1;

  public DesignStamp {
    if (warmup == null || block == null) {
      throw new IllegalArgumentException("design stamp: warm-up and block must be given");
    }
    if (blocksPerVariant < 1) {
      throw new IllegalArgumentException("blocks: must be >= 1, got " + blocksPerVariant);
    }
  }

  /** The stamp of a run that used {@code order}. */
  public static DesignStamp of(WarmupRule warmup, BlockOrder order, BlockSize block) {
    return new DesignStamp(warmup, order.blocksPerVariant(), block, order.seed());
  }

  /**
   * The stamp in one stable line without commas (a CSV field as is), e.g.
   * {@code design=1; warmup=auto(3 x 500 inserts within 10 % up to 10000 inserts or 5s); blocks=4; block=1s; seed=42}.
   * Equal stamps have equal lines, so a line read back from history compares as the stamp would.
   */
  public String line() {
    return "design=" + VERSION + "; warmup=" + warmup.describe() + "; blocks=" + blocksPerVariant + "; block="
        + block + "; seed=" + orderSeed;
  }

  @Override
  public String toString() {
    return line();
  }
}

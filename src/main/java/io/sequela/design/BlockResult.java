package io.sequela.design;

import io.sequela.stats.Percentiles;
import java.time.Duration;
import org.HdrHistogram.AbstractHistogram;

/**
 * What one measured block gave: its latencies and how many rows it inserted in how long. Holds its own copy of
 * the latencies, so the caller's histogram or array is never changed nor read again.
 *
 * @param block the planned block ({@link BlockOrder#blocks()}): its variant and round
 * @param latenciesUs the block's insert latencies in µs (a copy)
 * @param rows rows the block inserted (for throughput), not negative; usually the latencies' count
 * @param duration the block's measured wall time, positive
 */
public record BlockResult(Block block, AbstractHistogram latenciesUs, long rows, Duration duration) {

  public BlockResult {
    if (block == null || latenciesUs == null || duration == null) {
      throw new IllegalArgumentException("block result: block, latencies and duration must be given");
    }
    if (rows < 0 || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("block result of " + block.name() + " block " + block.number()
          + ": rows must be >= 0 and the duration positive, got " + rows + " rows in " + duration);
    }
    latenciesUs = latenciesUs.copy();
  }

  /**
   * A block's result from its latency histogram; its rows are the histogram's count.
   *
   * @param block the planned block
   * @param latenciesUs the block's insert latencies in µs; copied, not changed
   * @param duration the block's measured wall time, positive
   */
  public static BlockResult of(Block block, AbstractHistogram latenciesUs, Duration duration) {
    return new BlockResult(block, latenciesUs, latenciesUs.getTotalCount(), duration);
  }

  /**
   * A block's result from its latencies; its rows are their count.
   *
   * @param block the planned block
   * @param latenciesUs the block's insert latencies in µs, each >= 0; not changed
   * @param duration the block's measured wall time, positive
   */
  public static BlockResult of(Block block, long[] latenciesUs, Duration duration) {
    return new BlockResult(block, Percentiles.histogramOf(latenciesUs), latenciesUs.length, duration);
  }

  /** The block's median latency in µs ({@link Percentiles}, nearest rank); 0 for no latencies. */
  public double medianUs() {
    return Percentiles.valueAt(latenciesUs, 50);
  }

  /** The block's mean latency in µs (HdrHistogram's); 0 for no latencies. */
  public double meanUs() {
    return latenciesUs.getTotalCount() == 0 ? 0 : latenciesUs.getMean();
  }

  /** The block's throughput in rows/s. */
  public double rowsPerSec() {
    return rows / (duration.toNanos() / 1e9);
  }

  /**
   * Accessor returning a copy: the record's histogram stays as it was built.
   *
   * @return the block's insert latencies in µs
   */
  @Override
  public AbstractHistogram latenciesUs() {
    return latenciesUs.copy();
  }

  /** The record's own histogram, for this package's statistics, which only read it. */
  AbstractHistogram histogram() {
    return latenciesUs;
  }
}

package io.sequela.design;

import java.util.List;
import java.util.Optional;

/**
 * What one comparison's design gave, handed to the pages, the JSON and the checks: the stamp, the order as run, how
 * each variant's warm-up ended, every measured block's result, and the verdict. Immutable.
 *
 * @param stamp the design ({@link DesignStamp#line()} in JSON, page and history row)
 * @param order the block order as letters, e.g. {@code "AB BA BA AB"}, with {@code names} saying which is which
 * @param names the variants by index (A, B, ...)
 * @param warmups how each variant's warm-up ended, in the order they ran; empty without a warm-up
 * @param blocks the measured blocks' results, in run order (a block without any OK insert is left out)
 * @param verdict the measured variant against the reference (ORDER against NOORDER, {@code #2} against {@code #1} in
 *     an A/A test); empty when a variant is missing
 */
public record DesignResult(DesignStamp stamp, String order, List<String> names, List<WarmupSummary> warmups,
    List<BlockResult> blocks, Optional<BlockVerdict> verdict) {

  public DesignResult {
    names = List.copyOf(names);
    warmups = List.copyOf(warmups);
    blocks = List.copyOf(blocks);
  }

  /** True when every warm-up ended stable (or there was none). */
  public boolean warmupsStable() {
    return warmups.stream().allMatch(WarmupSummary::stable);
  }
}

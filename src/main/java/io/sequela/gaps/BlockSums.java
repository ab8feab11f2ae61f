package io.sequela.gaps;

import io.sequela.config.SequenceMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mode's figures as the sum of its measured blocks' (issue 23): each block's rows were analysed on their own
 * ({@link TimeOrderedPass}), since a mode switch drops NOORDER's cache and the other mode's blocks hand out the ids
 * in between, so a gap or an inversion across a block boundary is not the mode's. Counts (rows, distinct and
 * duplicate ids, gaps and gap sizes, islands, node switches, inversions of every kind, missing by design) are
 * summed; the span is the blocks' spans summed ({@link ModeFigures#span()}); lowest and highest id, largest gap and
 * largest displacement are the extremes; each node's rows are summed and its time is the blocks' times summed.
 */
final class BlockSums {

  private BlockSums() {}

  /**
   * @param mode the mode
   * @param blocks the mode's block figures, in block order, at least one
   */
  static ModeFigures of(SequenceMode mode, List<ModeFigures> blocks) {
    long rows = 0;
    long distinct = 0;
    long duplicates = 0;
    long minId = Long.MAX_VALUE;
    long maxId = Long.MIN_VALUE;
    long gaps = 0;
    long largestGap = 0;
    long islands = 0;
    long switches = 0;
    long adjacent = 0;
    long total = 0;
    long cross = 0;
    long same = 0;
    long displacement = 0;
    long byDesign = 0;
    long[] sizes = new long[GapHistogram.BUCKETS.size()];
    Map<Integer, NodeFigures> nodes = new TreeMap<>();
    LocalDateTime first = blocks.stream().map(ModeFigures::first).min(LocalDateTime::compareTo).orElseThrow();
    List<ModeFigures.SamplePoint> sample = new ArrayList<>();
    int stride = 1;
    for (ModeFigures b : blocks) {
      rows += b.rows();
      distinct += b.distinctIds();
      duplicates += b.duplicateIds();
      minId = Math.min(minId, b.minId());
      maxId = Math.max(maxId, b.maxId());
      gaps += b.gapCount();
      largestGap = Math.max(largestGap, b.largestGap());
      islands += b.islands();
      switches += b.nodeSwitches();
      adjacent += b.order().adjacentInversions();
      total += b.order().totalInversions();
      cross += b.order().crossNodeInversions();
      same += b.order().sameNodeInversions();
      displacement = Math.max(displacement, b.order().maxDisplacement());
      byDesign += b.missingByDesign();
      for (int i = 0; i < sizes.length; i++) {
        sizes[i] += b.gapSizes().counts().get(i);
      }
      b.nodes().values().forEach(n -> nodes.merge(n.node(), n, NodeFigures::sum));
      long offsetMs = Duration.between(first, b.first()).toMillis();
      b.sample().forEach(p -> sample.add(new ModeFigures.SamplePoint(p.millis() + offsetMs, p.id(), p.node(),
          p.session())));
      stride = Math.max(stride, b.sampleStride());
    }
    int k = 1;
    while (sample.size() / k > GapAnalysis.MAX_SAMPLE_POINTS) {
      k *= 2;
    }
    List<ModeFigures.SamplePoint> kept = new ArrayList<>();
    for (int i = 0; i < sample.size(); i += k) {
      kept.add(sample.get(i));
    }
    List<Long> counts = new ArrayList<>();
    for (long c : sizes) {
      counts.add(c);
    }
    // one node's figures of a single block already are a stretch; sum() gives every merged node its summed time
    return new ModeFigures(mode, rows, distinct, duplicates, minId, maxId, gaps, largestGap, islands, switches,
        new OrderFigures(adjacent, total, cross, same, displacement), new GapHistogram(counts), nodes, kept,
        stride * k, blocks.get(0).idStep(), byDesign, Map.of(), 0, blocks);
  }
}

package io.sequela.stats;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one key-generation strategy measured over its blocks: the figures of key-generation.json's {@code strategies}.
 * Inserts/s is the mean of the blocks' inserts/s with its 95 % interval taken over the blocks (the blocks are the
 * repetitions, Kalibera and Jones), and the slowest and fastest block; latencies and server counters are the median
 * over the blocks ({@link Spread}: the mean of the two middle blocks for an even count) with the smallest and largest
 * block; counts (rows, OK, KO, duplicates, wait samples) are summed over the blocks; {@code maxUs} is the largest of
 * all. Database-specific figures are null where the database does not provide them (see {@link BlockFigures}).
 *
 * @param name strategy id, e.g. {@code uuid4}
 * @param blocks measured blocks behind the figures
 * @param rows rows the blocks added to the table together
 * @param ok inserts of all blocks that succeeded (OK)
 * @param wallS median wall time of a block, s
 * @param insertsPerS mean over the blocks of their OK inserts per second of wall time (inserts/s)
 * @param insertsPerSLow lower end of the mean's 95 % interval over the blocks, inserts/s; null with fewer than 3 blocks
 * @param insertsPerSHigh upper end, inserts/s; null with fewer than 3 blocks
 * @param insertsPerSMin the slowest block's inserts/s
 * @param insertsPerSMax the fastest block's inserts/s
 * @param p50Us median over the blocks of the median insert response time, µs
 * @param p50UsMin smallest block p50, µs
 * @param p50UsMax largest block p50, µs
 * @param p95Us median of the blocks' 95th percentiles, µs
 * @param p99Us median of the blocks' 99th percentiles, µs
 * @param p99UsMin smallest block p99, µs
 * @param p99UsMax largest block p99, µs
 * @param maxUs largest insert response time of all blocks, µs
 * @param ko failed inserts of all blocks (KO), duplicates included
 * @param duplicates inserts refused for a duplicate key, all blocks
 * @param indexBytesBefore primary-key index size before the first block, bytes
 * @param indexBytesAfter primary-key index size after the last block, bytes
 * @param walBytes median WAL written during a block, bytes (whole server)
 * @param walBytesMin smallest block's WAL, bytes
 * @param walBytesMax largest block's WAL, bytes
 * @param idxBlksRead median primary-key index blocks read from outside shared buffers in a block
 * @param idxBlksReadMin smallest block's blocks read
 * @param idxBlksReadMax largest block's blocks read
 * @param idxBlksHit median primary-key index blocks found in shared buffers in a block
 * @param waitSamples session samples of all blocks behind {@code waitEvents}
 * @param waitEvents session samples per wait event over all blocks, most frequent first
 * @param note the blocks' distinct notes, or null
 */
public record StrategyFigures(String name, int blocks, long rows, long ok, double wallS, double insertsPerS,
    Double insertsPerSLow, Double insertsPerSHigh, double insertsPerSMin, double insertsPerSMax, Long p50Us,
    Long p50UsMin, Long p50UsMax, Long p95Us, Long p99Us, Long p99UsMin, Long p99UsMax, Long maxUs, long ko,
    long duplicates, Long indexBytesBefore, Long indexBytesAfter, Long walBytes, Long walBytesMin, Long walBytesMax,
    Long idxBlksRead, Long idxBlksReadMin, Long idxBlksReadMax, Long idxBlksHit, long waitSamples,
    Map<String, Long> waitEvents, String note) {

  public StrategyFigures {
    waitEvents = waitEvents == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(waitEvents));
  }

  /**
   * The figures of a strategy over its blocks.
   *
   * @param name the strategy id
   * @param blocks its blocks in run order, at least one
   * @param insertsPerSLow lower end of the interval of the blocks' mean inserts/s, or null for none
   * @param insertsPerSHigh upper end, or null for none
   * @throws IllegalArgumentException for no blocks
   */
  public static StrategyFigures over(String name, List<BlockFigures> blocks, Double insertsPerSLow,
      Double insertsPerSHigh) {
    if (blocks.isEmpty()) {
      throw new IllegalArgumentException(name + ": no blocks");
    }
    double[] rates = blocks.stream().mapToDouble(BlockFigures::insertsPerS).toArray();
    Spread rate = Spread.of(rates);
    Spread wall = Spread.of(blocks.stream().mapToDouble(BlockFigures::wallS).toArray());
    Spread p50 = spread(blocks, BlockFigures::p50Us);
    Spread p99 = spread(blocks, BlockFigures::p99Us);
    Spread wal = spread(blocks, BlockFigures::walBytes);
    Spread read = spread(blocks, BlockFigures::idxBlksRead);
    Long maxUs = blocks.stream().map(BlockFigures::maxUs).filter(Objects::nonNull).max(Long::compare).orElse(null);
    Map<String, Long> waits = new TreeMap<>();
    blocks.forEach(r -> r.waitEvents().forEach((event, n) -> waits.merge(event, n, Long::sum)));
    String note = blocks.stream().map(BlockFigures::note).filter(Objects::nonNull).distinct().collect(Collectors.joining(" "));
    return new StrategyFigures(name, blocks.size(), blocks.stream().mapToLong(BlockFigures::rows).sum(),
        blocks.stream().mapToLong(BlockFigures::ok).sum(), wall.median(), Arrays.stream(rates).average().orElse(0),
        insertsPerSLow, insertsPerSHigh, rate.min(), rate.max(), median(p50), min(p50), max(p50),
        median(spread(blocks, BlockFigures::p95Us)), median(p99), min(p99), max(p99), maxUs,
        blocks.stream().mapToLong(BlockFigures::ko).sum(), blocks.stream().mapToLong(BlockFigures::duplicates).sum(),
        blocks.get(0).indexBytesBefore(), blocks.get(blocks.size() - 1).indexBytesAfter(), median(wal), min(wal),
        max(wal), median(read), min(read), max(read), median(spread(blocks, BlockFigures::idxBlksHit)),
        blocks.stream().mapToLong(BlockFigures::waitSamples).sum(), mostFrequentFirst(waits),
        note.isEmpty() ? null : note);
  }

  private static Spread spread(List<BlockFigures> blocks, Function<BlockFigures, Long> figure) {
    return Spread.ofMeasured(blocks.stream().map(figure).toList());
  }

  private static Long median(Spread s) {
    return s == null ? null : s.roundedMedian();
  }

  private static Long min(Spread s) {
    return s == null ? null : (long) s.min();
  }

  private static Long max(Spread s) {
    return s == null ? null : (long) s.max();
  }

  private static Map<String, Long> mostFrequentFirst(Map<String, Long> counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue()).reversed().thenComparing(Map.Entry::getKey))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}

package io.sequela.design;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The difference of two variants with its interval taken from the blocks, not from single inserts: inserts of one
 * block share its conditions, so the variation that matters is between blocks (Kalibera and Jones, "Rigorous
 * Benchmarking in Reasonable Time", ISMM 2013).
 *
 * <p>The blocks of variants a and b in the same round form a pair ({@link BlockOrder#pairs}); a pair counts when
 * both blocks are there and hold at least one latency. For each pair and figure (the block's median latency in µs,
 * its mean latency in µs, its throughput in rows/s) the difference is b's minus a's; the estimate is their mean
 * over the pairs. Its interval is either
 * <ul>
 *   <li>{@link Method#PAIRED_T} (the default): Student's t interval of the pair differences, {@code mean +- t(n-1)
 *       x sd / sqrt(n)} (commons-math3 {@link TDistribution}); or
 *   <li>{@link Method#TWO_LEVEL_BOOTSTRAP}: {@link #RESAMPLES} times, the pairs are resampled with replacement and,
 *       within each drawn block, its inserts (at most {@link #MAX_DRAWS_PER_BLOCK} of them, an m-out-of-n draw that
 *       errs on the wide side); the interval runs between the percentiles of the resampled mean differences
 *       (commons-math3 {@link Percentile}). Throughput has one value per block and is resampled at the pair level only.
 * </ul>
 * With fewer than {@link #MIN_PAIRS} pairs there is no interval, and the verdict says why. Seeded and reproducible;
 * the caller's data is never changed.
 */
public final class BlockAnalysis {

  /** The fewest pairs an interval is given for. */
  public static final int MIN_PAIRS = 3;
  /** The default confidence. */
  public static final double CONFIDENCE = 0.95;
  /** Bootstrap resamples per interval ({@link Method#TWO_LEVEL_BOOTSTRAP}). */
  public static final int RESAMPLES = 1000;
  /** The most inserts one block's resample draws ({@link Method#TWO_LEVEL_BOOTSTRAP}). */
  public static final int MAX_DRAWS_PER_BLOCK = 1000;

  /** How the interval is taken from the pairs. */
  public enum Method {
    /** Student's t interval of the pair differences. */
    PAIRED_T,
    /** Pairs resampled, then the inserts within each drawn block (Kalibera and Jones). */
    TWO_LEVEL_BOOTSTRAP
  }

  private final Method method;
  private final double confidence;
  private final long seed;
  /** Per block (by identity), its replicates per latency figure (MEDIAN, MEAN), drawn when first needed. */
  private final Map<BlockResult, double[][]> replicates = new IdentityHashMap<>();

  private BlockAnalysis(Method method, double confidence, long seed) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence: must be within (0, 1), got " + confidence);
    }
    this.method = method;
    this.confidence = confidence;
    this.seed = seed;
  }

  /** b against a with {@link Method#PAIRED_T} at {@link #CONFIDENCE}; as {@link #compare(List, int, int, Method, double, long)}. */
  public static BlockVerdict compare(List<BlockResult> results, int a, int b) {
    return compare(results, a, b, Method.PAIRED_T, CONFIDENCE, 0);
  }

  /**
   * As {@link #compare(List, int, int)}, the two variants named from {@code names} whether or not they have blocks (a
   * run without per-block latencies still says {@code ORDER vs NOORDER}, not {@code variant 0 vs variant 1}).
   *
   * @param names every variant's name by index, e.g. {@link BlockOrder#names()}
   */
  public static BlockVerdict compare(List<BlockResult> results, List<String> names, int a, int b) {
    BlockVerdict v = compare(results, a, b);
    return new BlockVerdict(names.get(a), names.get(b), v.pairs(), v.medianUs(), v.meanUs(), v.rowsPerSec(),
        v.noInterval());
  }

  /**
   * Variant b against variant a.
   *
   * @param results the run's block results, any order, any variants; not changed
   * @param a the reference variant's index (e.g. NOORDER's)
   * @param b the measured variant's index (e.g. ORDER's), not {@code a}
   * @param method how the interval is taken
   * @param confidence within (0, 1), e.g. 0.95
   * @param seed the bootstrap's seed (unused by {@link Method#PAIRED_T}); record it, e.g. the order's seed
   * @return the differences b minus a and their intervals, or the reason there are none
   * @throws IllegalArgumentException for {@code a == b}, a confidence outside (0, 1), or two results of one
   *     variant in one round
   */
  public static BlockVerdict compare(List<BlockResult> results, int a, int b, Method method, double confidence,
      long seed) {
    return new BlockAnalysis(method, confidence, seed).verdict(byVariant(results), a, b);
  }

  /**
   * Every variant against every other, e.g. KeyGen's strategies: for each {@code i < j} of the variants present,
   * {@code j} against {@code i}. "Faster" only where an interval excludes 0 ({@link BlockVerdict#faster()}).
   *
   * @return the verdicts in order of (i, j); as {@link #compare(List, int, int, Method, double, long)} otherwise
   */
  public static List<BlockVerdict> pairwise(List<BlockResult> results, Method method, double confidence,
      long seed) {
    Map<Integer, Map<Integer, BlockResult>> by = byVariant(results);
    BlockAnalysis analysis = new BlockAnalysis(method, confidence, seed);
    List<Integer> variants = new ArrayList<>(new TreeSet<>(by.keySet()));
    List<BlockVerdict> verdicts = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      for (int j = i + 1; j < variants.size(); j++) {
        verdicts.add(analysis.verdict(by, variants.get(i), variants.get(j)));
      }
    }
    return List.copyOf(verdicts);
  }

  /**
   * One variant's figure over its blocks (e.g. a key strategy's inserts/s per block): their mean with Student's t
   * interval, the blocks taken as the repetitions. With fewer than {@link #MIN_PAIRS} blocks there is none.
   *
   * @param perBlock the figure of each block, any unit; not changed
   * @param confidence within (0, 1), e.g. 0.95
   * @return the mean and its interval ({@link BlockInterval#pairs()} counts the blocks), or empty with too few blocks
   */
  public static Optional<BlockInterval> mean(double[] perBlock, double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence: must be within (0, 1), got " + confidence);
    }
    int n = perBlock.length;
    if (n < MIN_PAIRS) {
      return Optional.empty();
    }
    double estimate = StatUtils.mean(perBlock);
    double half = new TDistribution(null, n - 1).inverseCumulativeProbability((1 + confidence) / 2)
        * Math.sqrt(StatUtils.variance(perBlock) / n);
    return Optional.of(new BlockInterval(estimate, estimate - half, estimate + half, confidence, n, Method.PAIRED_T));
  }

  private BlockVerdict verdict(Map<Integer, Map<Integer, BlockResult>> by, int a, int b) {
    if (a == b) {
      throw new IllegalArgumentException("compare: a and b must be two variants, got " + a + " twice");
    }
    Map<Integer, BlockResult> ofA = by.getOrDefault(a, Map.of());
    Map<Integer, BlockResult> ofB = by.getOrDefault(b, Map.of());
    List<BlockResult[]> pairs = new ArrayList<>();
    for (Map.Entry<Integer, BlockResult> e : ofA.entrySet()) {
      BlockResult other = ofB.get(e.getKey());
      if (other != null && e.getValue().histogram().getTotalCount() > 0 && other.histogram().getTotalCount() > 0) {
        pairs.add(new BlockResult[] {e.getValue(), other});
      }
    }
    String nameA = name(ofA, a);
    String nameB = name(ofB, b);
    int n = pairs.size();
    if (n < MIN_PAIRS) {
      return new BlockVerdict(nameA, nameB, n, Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.of("too few blocks for an interval: " + n + (n == 1 ? " pair" : " pairs") + ", need "
              + MIN_PAIRS));
    }
    return new BlockVerdict(nameA, nameB, n, Optional.of(interval(pairs, BlockResult::medianUs, Figure.MEDIAN)),
        Optional.of(interval(pairs, BlockResult::meanUs, Figure.MEAN)),
        Optional.of(interval(pairs, BlockResult::rowsPerSec, Figure.THROUGHPUT)), Optional.empty());
  }

  /** The figures an interval is taken of; latencies are resampled within blocks, throughput is not. */
  private enum Figure { MEDIAN, MEAN, THROUGHPUT }

  private BlockInterval interval(List<BlockResult[]> pairs, ToDoubleFunction<BlockResult> figure, Figure kind) {
    int n = pairs.size();
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = figure.applyAsDouble(pairs.get(i)[1]) - figure.applyAsDouble(pairs.get(i)[0]);
    }
    double estimate = StatUtils.mean(d);
    if (method == Method.PAIRED_T) {
      double t = new TDistribution(null, n - 1).inverseCumulativeProbability((1 + confidence) / 2);
      double half = t * Math.sqrt(StatUtils.variance(d) / n);
      return new BlockInterval(estimate, estimate - half, estimate + half, confidence, n, method);
    }
    RandomGenerator rng = new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), -1, kind.ordinal()});
    double[] means = new double[RESAMPLES];
    for (int r = 0; r < RESAMPLES; r++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        int p = rng.nextInt(n);
        if (kind == Figure.THROUGHPUT) {
          sum += d[p];
        } else {
          double[] ra = replicates(pairs.get(p)[0], kind);
          double[] rb = replicates(pairs.get(p)[1], kind);
          sum += rb[rng.nextInt(rb.length)] - ra[rng.nextInt(ra.length)];
        }
      }
      means[r] = sum / n;
    }
    double tail = (1 - confidence) / 2 * 100;
    Percentile ends = new Percentile();
    ends.setData(means);
    return new BlockInterval(estimate, ends.evaluate(tail), ends.evaluate(100 - tail), confidence, n, method);
  }

  /**
   * The block's statistic over {@link #RESAMPLES} resamples of its own inserts, drawn once per block and figure
   * and seeded by the block's position, so every comparison that draws the block sees the same replicates.
   */
  private double[] replicates(BlockResult block, Figure kind) {
    double[][] figures = replicates.computeIfAbsent(block, b -> new double[2][]);
    if (figures[kind.ordinal()] == null) {
      figures[kind.ordinal()] = WithinBlock.replicates(block.histogram(), kind == Figure.MEDIAN, RESAMPLES,
          MAX_DRAWS_PER_BLOCK,
          new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), block.block().position(), kind.ordinal()}));
    }
    return figures[kind.ordinal()];
  }

  private static String name(Map<Integer, BlockResult> results, int variant) {
    return results.values().stream().findFirst().map(r -> r.block().name()).orElse("variant " + variant);
  }

  /** The results by variant, then round; two results of one variant in one round are refused. */
  private static Map<Integer, Map<Integer, BlockResult>> byVariant(List<BlockResult> results) {
    Map<Integer, Map<Integer, BlockResult>> by = new TreeMap<>();
    for (BlockResult r : results) {
      BlockResult before = by.computeIfAbsent(r.block().variant(), v -> new TreeMap<>()).put(r.block().round(), r);
      if (before != null) {
        throw new IllegalArgumentException("block results: " + r.block().name() + " has two results in round "
            + r.block().round());
      }
    }
    return by;
  }
}

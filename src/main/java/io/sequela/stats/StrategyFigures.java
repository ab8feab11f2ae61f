package io.sequela.stats;

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
 * What one key-generation strategy measured over its rounds: the figures of key-generation.json's
 * {@code strategies}. Rates, latencies and server counters are the median over the rounds ({@link Spread}: the
 * mean of the two middle rounds for an even count), with {@code *Min}/{@code *Max} the smallest and largest round;
 * counts (rows, OK, KO, duplicates, wait samples) are summed over the rounds; {@code maxUs} is the largest of all.
 * Database-specific figures are null where the database does not provide them (see {@link PhaseFigures}).
 *
 * @param name strategy id, e.g. {@code uuid4}
 * @param rounds measured rounds behind the figures
 * @param rows rows the rounds added to the table together
 * @param ok inserts of all rounds that succeeded (OK)
 * @param wallS median wall time of a round's phase, s
 * @param insertsPerS median OK inserts per second of wall time (inserts/s)
 * @param insertsPerSMin the slowest round's inserts/s
 * @param insertsPerSMax the fastest round's inserts/s
 * @param p50Us median over the rounds of the median insert response time, µs
 * @param p50UsMin smallest round p50, µs
 * @param p50UsMax largest round p50, µs
 * @param p95Us median of the rounds' 95th percentiles, µs
 * @param p99Us median of the rounds' 99th percentiles, µs
 * @param p99UsMin smallest round p99, µs
 * @param p99UsMax largest round p99, µs
 * @param maxUs largest insert response time of all rounds, µs
 * @param ko failed inserts of all rounds (KO), duplicates included
 * @param duplicates inserts refused for a duplicate key, all rounds
 * @param indexBytesBefore primary-key index size before the first round, bytes
 * @param indexBytesAfter primary-key index size after the last round, bytes
 * @param walBytes median WAL written during a round's phase, bytes (whole server)
 * @param walBytesMin smallest round's WAL, bytes
 * @param walBytesMax largest round's WAL, bytes
 * @param idxBlksRead median primary-key index blocks read from outside shared buffers in a round
 * @param idxBlksReadMin smallest round's blocks read
 * @param idxBlksReadMax largest round's blocks read
 * @param idxBlksHit median primary-key index blocks found in shared buffers in a round
 * @param waitSamples session samples of all rounds behind {@code waitEvents}
 * @param waitEvents session samples per wait event over all rounds, most frequent first
 * @param note the rounds' distinct notes, or null
 */
public record StrategyFigures(String name, int rounds, long rows, long ok, double wallS, double insertsPerS, double insertsPerSMin,
    double insertsPerSMax, Long p50Us, Long p50UsMin, Long p50UsMax, Long p95Us, Long p99Us, Long p99UsMin, Long p99UsMax,
    Long maxUs, long ko, long duplicates, Long indexBytesBefore, Long indexBytesAfter, Long walBytes, Long walBytesMin,
    Long walBytesMax, Long idxBlksRead, Long idxBlksReadMin, Long idxBlksReadMax, Long idxBlksHit, long waitSamples,
    Map<String, Long> waitEvents, String note) {

  public StrategyFigures {
    waitEvents = waitEvents == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(waitEvents));
  }

  /**
   * The figures of a strategy over its rounds.
   *
   * @param name the strategy id
   * @param rounds its phases in round order, at least one
   * @throws IllegalArgumentException for no rounds
   */
  public static StrategyFigures over(String name, List<PhaseFigures> rounds) {
    if (rounds.isEmpty()) {
      throw new IllegalArgumentException(name + ": no rounds");
    }
    Spread rate = Spread.of(rounds.stream().mapToDouble(PhaseFigures::insertsPerS).toArray());
    Spread wall = Spread.of(rounds.stream().mapToDouble(PhaseFigures::wallS).toArray());
    Spread p50 = spread(rounds, PhaseFigures::p50Us);
    Spread p99 = spread(rounds, PhaseFigures::p99Us);
    Spread wal = spread(rounds, PhaseFigures::walBytes);
    Spread read = spread(rounds, PhaseFigures::idxBlksRead);
    Long maxUs = rounds.stream().map(PhaseFigures::maxUs).filter(Objects::nonNull).max(Long::compare).orElse(null);
    Map<String, Long> waits = new TreeMap<>();
    rounds.forEach(r -> r.waitEvents().forEach((event, n) -> waits.merge(event, n, Long::sum)));
    String note = rounds.stream().map(PhaseFigures::note).filter(Objects::nonNull).distinct().collect(Collectors.joining(" "));
    return new StrategyFigures(name, rounds.size(), rounds.stream().mapToLong(PhaseFigures::rows).sum(),
        rounds.stream().mapToLong(PhaseFigures::ok).sum(), wall.median(),
        rate.median(), rate.min(), rate.max(), median(p50), min(p50), max(p50), median(spread(rounds, PhaseFigures::p95Us)),
        median(p99), min(p99), max(p99), maxUs, rounds.stream().mapToLong(PhaseFigures::ko).sum(),
        rounds.stream().mapToLong(PhaseFigures::duplicates).sum(), rounds.get(0).indexBytesBefore(),
        rounds.get(rounds.size() - 1).indexBytesAfter(), median(wal), min(wal), max(wal), median(read), min(read), max(read),
        median(spread(rounds, PhaseFigures::idxBlksHit)), rounds.stream().mapToLong(PhaseFigures::waitSamples).sum(),
        mostFrequentFirst(waits), note.isEmpty() ? null : note);
  }

  /** The inserts/s of the rounds as a {@link Spread} (median, slowest, fastest round). */
  public Spread insertsPerSSpread() {
    return new Spread(insertsPerS, insertsPerSMin, insertsPerSMax);
  }

  private static Spread spread(List<PhaseFigures> rounds, Function<PhaseFigures, Long> figure) {
    return Spread.ofMeasured(rounds.stream().map(figure).toList());
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

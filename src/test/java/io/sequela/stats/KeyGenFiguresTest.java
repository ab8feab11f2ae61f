package io.sequela.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A strategy's figures over its blocks: the mean inserts/s, medians with min and max, sums of counts; and the ranking. */
class KeyGenFiguresTest {

  /** One block of a strategy: {@code rate} inserts/s, p50 and p99 in µs, WAL bytes, index blocks read, wait samples. */
  static BlockFigures round(double rate, long p50, long p99, long wal, long read, Map<String, Long> waits) {
    long samples = waits.values().stream().mapToLong(Long::longValue).sum();
    return new BlockFigures("s", 1, 1, 1, 1, 1000, 400, 400, 400 / rate, rate, p50, p50 + 10, p99, p99 * 2, 0, 0, 8192L, 16384L, wal, read, 50L,
        samples, waits, null);
  }

  static Map<String, Long> waits(Object... eventsAndCounts) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < eventsAndCounts.length; i += 2) {
      m.put((String) eventsAndCounts[i], ((Number) eventsAndCounts[i + 1]).longValue());
    }
    return m;
  }

  @Test
  void insertsPerSecondIsTheMeanOfTheBlocksAndTheRestTheirMedians() {
    StrategyFigures f = StrategyFigures.over("uuid4", List.of(
        round(900, 300, 900, 5_000_000, 1200, waits("CPU", 60, "IO:DataFileRead", 40)),
        round(1100, 250, 700, 7_000_000, 1500, waits("IO:DataFileRead", 90)),
        round(1000, 280, 2000, 6_000_000, 1000, waits("CPU", 10))), 800.0, 1200.0);
    assertThat(f.blocks()).isEqualTo(3);
    assertThat(List.of(f.insertsPerSLow(), f.insertsPerSHigh())).as("the analysis's interval, as handed").containsExactly(800.0, 1200.0);
    assertThat(f.insertsPerS()).isEqualTo(1000);
    assertThat(f.insertsPerSMin()).isEqualTo(900);
    assertThat(f.insertsPerSMax()).isEqualTo(1100);
    assertThat(List.of(f.p50Us(), f.p50UsMin(), f.p50UsMax())).containsExactly(280L, 250L, 300L);
    assertThat(List.of(f.p99Us(), f.p99UsMin(), f.p99UsMax())).containsExactly(900L, 700L, 2000L);
    assertThat(List.of(f.walBytes(), f.walBytesMin(), f.walBytesMax())).containsExactly(6_000_000L, 5_000_000L, 7_000_000L);
    assertThat(List.of(f.idxBlksRead(), f.idxBlksReadMin(), f.idxBlksReadMax())).containsExactly(1200L, 1000L, 1500L);
    assertThat(f.maxUs()).as("the largest of all rounds").isEqualTo(4000);
    assertThat(f.rows()).as("summed").isEqualTo(1200);
    assertThat(f.ok()).as("summed").isEqualTo(1200);
    assertThat(f.waitSamples()).isEqualTo(200);
    assertThat(f.waitEvents()).containsExactly(Map.entry("IO:DataFileRead", 130L), Map.entry("CPU", 70L));
  }

  @Test
  void anEvenCountsMedianIsTheMeanOfTheTwoMiddleBlocks() {
    StrategyFigures f = StrategyFigures.over("seq", List.of(round(10, 1, 1, 1, 1, waits()), round(40, 2, 2, 2, 2, waits()),
        round(20, 4, 4, 4, 4, waits()), round(30, 8, 8, 8, 8, waits())), null, null);
    assertThat(f.insertsPerS()).isEqualTo(25);
    assertThat(f.p50Us()).as("(2 + 4) / 2").isEqualTo(3);
    assertThat(f.idxBlksRead()).as("(2 + 4) / 2").isEqualTo(3);
  }

  @Test
  void aFigureMissingInAnyBlockIsMissing() {
    BlockFigures noWal = new BlockFigures("seq", 2, 2, 1, 2, 0, 1, 1, 1, 1, 1L, 1L, 1L, 1L, 0, 0, null, null, null, null, null, 0, Map.of(), "no WAL");
    StrategyFigures f = StrategyFigures.over("seq", List.of(round(1, 1, 1, 1, 1, waits()), noWal), null, null);
    assertThat(f.walBytes()).isNull();
    assertThat(f.walBytesMin()).isNull();
    assertThat(f.note()).isEqualTo("no WAL");
    assertThatThrownBy(() -> StrategyFigures.over("seq", List.of(), null, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSpreadLeavesTheCallersValuesAlone() {
    double[] values = {3, 1, 2};
    Spread s = Spread.of(values);
    assertThat(s).isEqualTo(new Spread(2, 1, 3));
    assertThat(values).containsExactly(3, 1, 2);
    assertThat(new Spread(5, 4, 6).overlaps(new Spread(7, 6, 8))).as("touching ranges overlap").isTrue();
    assertThat(new Spread(5, 4, 6).overlaps(new Spread(8, 7, 9))).isFalse();
  }

  private static StrategyFigures strategy(String name, double... rates) {
    List<BlockFigures> blocks = new java.util.ArrayList<>();
    for (double r : rates) {
      blocks.add(round(r, 100, 200, 1, 1, waits()));
    }
    return StrategyFigures.over(name, blocks, null, null);
  }

  /** b against a: {@code faster} only where the analysis found an interval excluding 0. */
  private static StrategyComparison comparison(String a, String b, String faster) {
    return new StrategyComparison(a, b, 7, 1.0, -1.0, 2.0, 1.0, -1.0, 2.0, faster, null, null);
  }

  @Test
  void aStrategyIsRankedBelowAnotherOnlyWhereTheirIntervalSaysSo() {
    StrategyFigures fast = strategy("seq_block", 9000, 9500, 8800);
    StrategyFigures close = strategy("uuid7", 8700, 9100, 8900);
    StrategyFigures slow = strategy("seq", 5000, 6000, 5500);
    List<KeyGenRanking.Place> ranking = KeyGenRanking.of(List.of(slow, close, fast), List.of(
        comparison("seq", "uuid7", "uuid7"), comparison("seq", "seq_block", "seq_block"),
        comparison("uuid7", "seq_block", null)));
    assertThat(ranking).extracting(KeyGenRanking.Place::name).containsExactly("seq_block", "uuid7", "seq");
    assertThat(ranking).extracting(KeyGenRanking.Place::rank).containsExactly(1, 1, 3);
    KeyGenRanking.Place first = ranking.get(0);
    assertThat(first.notToldApart()).containsExactly("uuid7");
    assertThat(first.fasterThan()).containsExactly("seq");
    assertThat(ranking.get(1).notToldApart()).containsExactly("seq_block");
    assertThat(ranking.get(2).slowerThan()).containsExactly("seq_block", "uuid7");
    assertThat(ranking.get(2).fasterThan()).isEmpty();
  }
}

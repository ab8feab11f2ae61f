package io.sequela.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.stats.QueryStats.WorkerStats;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class QueryStatsTest {

  private static final long MS = 1_000_000;

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    assertThat(QueryStats.median(new long[] {1, 2, 3, 10})).isEqualTo(2.5);
    assertThat(QueryStats.median(new long[] {1, 2, 10})).isEqualTo(2.0);
    assertThat(QueryStats.median(new long[] {7})).isEqualTo(7.0);
  }

  @Test
  void statisticsAreExactOnKnownDurations() {
    // worker 1: 4 ms at t=0, 1 ms at t=4; worker 2: 2 ms at t=1, 10 ms at t=3 (ends at 13 ms); worker 3 idle
    List<QuerySample> samples = List.of(
        new QuerySample(1, "a", 0, 4 * MS, 60),
        new QuerySample(2, "b", MS, 2 * MS, 0),
        new QuerySample(2, "c", 3 * MS, 10 * MS, 61),
        new QuerySample(1, "a", 4 * MS, MS, 1));
    QueryStats s = QueryStats.of(samples, Map.of(1, List.of("a"), 2, List.of("b", "c"), 3, List.of()), "balanced", 2);
    assertThat(s.assignment()).isEqualTo("balanced");
    assertThat(s.workersRequested()).isEqualTo(3);
    assertThat(s.workersBusy()).isEqualTo(2);
    assertThat(s.errors()).isEqualTo(2);
    // busiest worker 12 ms over the mean of 17 ms / 3 requested workers (the idle one counts as 0)
    assertThat(s.imbalance()).isEqualTo(2.118);
    assertThat(s.queries()).isEqualTo(4);
    assertThat(s.rowsReturned()).isEqualTo(122);
    assertThat(s.totalMs()).isEqualTo(17.0);
    assertThat(s.wallMs()).isEqualTo(13.0);
    assertThat(s.minMs()).isEqualTo(1.0);
    assertThat(s.medianMs()).isEqualTo(3.0);
    assertThat(s.avgMs()).isEqualTo(4.25);
    assertThat(s.maxMs()).isEqualTo(10.0);
    assertThat(s.p95Ms()).isEqualTo(10.0);
    assertThat(s.p99Ms()).isEqualTo(10.0);
    assertThat(s.workers()).containsExactly(
        new WorkerStats(1, 2, 5.0, List.of("a")),
        new WorkerStats(2, 2, 12.0, List.of("b", "c")),
        new WorkerStats(3, 0, 0.0, List.of()));
    assertThat(samples.get(0).durationNanos()).isEqualTo(4 * MS);
  }

  @Test
  void equallyBusyWorkersHaveImbalanceOne() {
    List<QuerySample> samples = List.of(new QuerySample(1, "a", 0, 3 * MS, 1), new QuerySample(2, "b", 0, 3 * MS, 1));
    QueryStats s = QueryStats.of(samples, Map.of(1, List.of("a"), 2, List.of("b")), "balanced", 0);
    assertThat(s.imbalance()).isEqualTo(1.0);
    assertThat(s.workersBusy()).isEqualTo(2);
  }

  @Test
  void millisecondsKeepMicrosecondPrecision() {
    QueryStats s = QueryStats.of(List.of(new QuerySample(1, "a", 0, 1_234_567, 1)), Map.of(1, List.of("a")),
        "rendezvous", 0);
    assertThat(s.medianMs()).isEqualTo(1.235);
  }

  @Test
  void percentilesKeepMicrosecondsBeyondOneHundredMilliseconds() {
    List<QuerySample> samples = LongStream.rangeClosed(1, 100)
        .mapToObj(i -> new QuerySample(1, "a", 0, i * 2_345_678, 1)).toList();
    QueryStats s = QueryStats.of(samples, Map.of(1, List.of("a")), "rendezvous", 0);
    assertThat(s.p95Ms()).isEqualTo(222.839);
    assertThat(s.p99Ms()).isEqualTo(232.222);
    assertThat(s.maxMs()).isEqualTo(234.568);
    assertThat(s.medianMs()).isEqualTo(118.457);
  }

  @Test
  void noSamplesIsAnError() {
    assertThatThrownBy(() -> QueryStats.of(List.of(), Map.of(), "rendezvous", 0)).hasMessage("no queries were timed");
  }
}

package io.sequela.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.config.SequenceMode;
import io.sequela.config.StageNode;
import io.sequela.stats.DifferenceInterval;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The verdict sentence, and the latencies it is made from (worker tags, or Gatling's ms for the plugin). */
class VerdictTest {

  private static Latencies.Difference median(double estimate, double low, double high) {
    DifferenceInterval d = new DifferenceInterval(estimate, low, high, 0.95, 100, 100);
    return new Latencies.Difference(d, d);
  }

  @Test
  void aCostAboveZeroASavingBelowAndNoMeasurableDifferenceAcross() {
    assertThat(Comparison.verdict(Optional.of(median(182, 151, 214)), -12.4, Latencies.Source.WORKER))
        .isEqualTo("ORDER costs +182 µs per insert (median, 95 % CI +151 to +214 µs) and 12 % of throughput");
    assertThat(Comparison.verdict(Optional.of(median(-20, -31, -9)), 3.0, Latencies.Source.WORKER))
        .isEqualTo("ORDER saves 20 µs per insert (median, 95 % CI -31 to -9 µs); throughput +3 %");
    assertThat(Comparison.verdict(Optional.of(median(1.5, -8, 11)), null, Latencies.Source.WORKER))
        .isEqualTo("no measurable latency difference (median, 95 % CI -8 to +11 µs)");
    assertThat(Comparison.verdict(Optional.empty(), null, Latencies.Source.NONE)).startsWith("no latency verdict");
    assertThat(Comparison.verdict(Optional.of(median(1000, 1000, 2000)), null, Latencies.Source.GATLING_MS))
        .endsWith("(from Gatling's whole-ms response times)");
  }

  @Test
  void workerTagsAndGatlingMillisecondsLandInMicroseconds() {
    Histogram order = new Histogram(1, 3_600_000_000L, 3);
    order.recordValue(300);
    Histogram commit = new Histogram(1, 3_600_000_000L, 3);
    commit.recordValue(90);
    Latencies worker = Latencies.ofTags(Map.of(new StageNode("t", SequenceMode.ORDER, 2).tag(), order,
        new StageNode("t", SequenceMode.ORDER, 2).commitTag(), commit, "something/else", commit));
    assertThat(worker.source()).isEqualTo(Latencies.Source.WORKER);
    assertThat(worker.node("t", SequenceMode.ORDER, 2).orElseThrow().p50Us()).isEqualTo(300);
    assertThat(worker.commit("t", SequenceMode.ORDER, 2).orElseThrow().maxUs()).isEqualTo(90);
    assertThat(worker.node("t", SequenceMode.NOORDER, 2)).isEmpty();
    assertThat(worker.difference("t")).as("NOORDER has none").isEmpty();

    Latencies plugin = Latencies.builder()
        .record("t NOORDER node 1", 2, true, null)
        .record("t NOORDER node 1", 9, false, null)
        .record("unrelated", 5, true, null)
        .build();
    assertThat(plugin.source()).isEqualTo(Latencies.Source.GATLING_MS);
    assertThat(plugin.node("t", SequenceMode.NOORDER, 1).orElseThrow()).extracting(s -> s.count(), s -> s.p50Us())
        .containsExactly(1L, 2000L);
  }
}

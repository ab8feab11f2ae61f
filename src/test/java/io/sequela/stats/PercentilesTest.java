package io.sequela.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void percentilesAreNearestRankWithoutTouchingTheCallersData() {
    long[] hundred = LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray();
    long[] before = hundred.clone();
    Histogram h = Percentiles.histogramOf(hundred);
    assertThat(hundred).containsExactly(before);
    assertThat(Percentiles.valueAt(h, 95)).isEqualTo(95);
    assertThat(Percentiles.valueAt(h, 99)).isEqualTo(99);
    assertThat(Percentiles.valueAt(h, 0)).isEqualTo(1);
    assertThat(Percentiles.valueAt(h, 100)).isEqualTo(100);
    assertThat(Percentiles.valueAt(Percentiles.histogramOf(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), 99)).isEqualTo(10);
    assertThatThrownBy(() -> Percentiles.valueAt(h, 101)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.valueAt(h, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void valuesAreExactBelow262144AndWithinOneIn100000Above() {
    assertThat(Percentiles.valueAt(Percentiles.histogramOf(new long[] {262_143}), 50)).isEqualTo(262_143);
    long big = 74_123_457;
    long reported = Percentiles.valueAt(Percentiles.histogramOf(new long[] {big}), 50);
    assertThat(reported).isBetween(big, big + big / 100_000);
  }

  @Test
  void anEmptyHistogramGivesZeroAndANegativeValueIsRefused() {
    assertThat(Percentiles.valueAt(Percentiles.histogramOf(new long[0]), 99)).isZero();
    assertThatThrownBy(() -> Percentiles.histogramOf(new long[] {3, -1})).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("values must be >= 0, got -1");
  }
}

package io.sequela.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MedianDifferenceTest {

  private static long[] sample(int n, long shift, long seed) {
    Random r = new Random(seed);
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = shift + 1000 + (long) (r.nextGaussian() * 50);
    }
    return v;
  }

  @Test
  void theIntervalHoldsAKnownShiftAndIsReproducible() {
    long[] order = sample(2000, 300, 1);
    long[] noorder = sample(2000, 0, 2);
    long[] before = order.clone();
    MedianDifference d = MedianDifference.of(order, noorder, 0.95).orElseThrow();
    assertThat(d.estimate()).isBetween(290.0, 310.0);
    assertThat(d.low()).isLessThan(300).isGreaterThan(280);
    assertThat(d.high()).isGreaterThan(300).isLessThan(320);
    assertThat(MedianDifference.of(order, noorder, 0.95)).contains(d);
    assertThat(order).isEqualTo(before);
  }

  @Test
  void anEmptySideHasNoDifference() {
    assertThat(MedianDifference.of(new long[0], new long[] {1}, 0.95)).isEmpty();
  }

  @Test
  void theBandIsMinMaxBelowFiveRunsAndThreeMadFromFive() {
    assertThat(NoiseBand.of(new double[] {3, 1, 2})).isEqualTo(new NoiseBand(2, 1, 3, 3));
    NoiseBand b = NoiseBand.of(new double[] {10, 12, 11, 9, 30});
    assertThat(b.median()).isEqualTo(11);
    assertThat(b.low()).isEqualTo(11 - 3 * 1);
    assertThat(b.high()).isEqualTo(11 + 3 * 1);
  }
}

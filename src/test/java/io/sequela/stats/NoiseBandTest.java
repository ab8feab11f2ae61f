package io.sequela.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The nightly noise band (the ORDER cost interval is tested in DifferenceIntervalTest). */
class NoiseBandTest {

  @Test
  void theBandIsMinMaxBelowFiveRunsAndThreeMadFromFive() {
    assertThat(NoiseBand.of(new double[] {3, 1, 2})).isEqualTo(new NoiseBand(2, 1, 3, 3));
    NoiseBand b = NoiseBand.of(new double[] {10, 12, 11, 9, 30});
    assertThat(b.median()).isEqualTo(11);
    assertThat(b.low()).isEqualTo(11 - 3 * 1);
    assertThat(b.high()).isEqualTo(11 + 3 * 1);
  }
}

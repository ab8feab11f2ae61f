package io.sequela.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.testing.Slow;
import io.sequela.testing.Slow;
import org.HdrHistogram.Histogram;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap interval on samples of known distributions: insert-like latencies in µs, log-normal around
 * 250 µs with a long right tail, drawn from fixed seeds.
 */
class DifferenceIntervalTest {

  private static Histogram sample(long seed, int n, long shiftUs) {
    LogNormalDistribution d = new LogNormalDistribution(new Well19937c(seed), Math.log(250), 0.4,
        LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    Histogram h = new Histogram(3_600_000_000L, 3);
    for (int i = 0; i < n; i++) {
      h.recordValue(Math.round(d.sample()) + shiftUs);
    }
    return h;
  }

  @Test
  @Slow // 80 bootstrap intervals: seconds of CPU
  void samplesOfOneDistributionGiveIntervalsThatCoverZeroAsOftenAsTheirConfidenceSays() {
    int pairs = 40;
    int medianCovers = 0;
    int meanCovers = 0;
    for (int i = 0; i < pairs; i++) {
      Histogram a = sample(100 + 2 * i, 400, 0);
      Histogram b = sample(101 + 2 * i, 400, 0);
      DifferenceInterval median = DifferenceInterval.ofMedians(a, b, 0.95).orElseThrow();
      DifferenceInterval mean = DifferenceInterval.ofMeans(a, b, 0.95).orElseThrow();
      medianCovers += median.excludesZero() ? 0 : 1;
      meanCovers += mean.excludesZero() ? 0 : 1;
      assertThat(median.low()).isLessThanOrEqualTo(median.high());
      assertThat(median.estimate()).isEqualTo(Percentiles.valueAt(a, 50) - Percentiles.valueAt(b, 50));
      assertThat(mean.estimate()).isEqualTo(a.getMean() - b.getMean());
    }
    // 95 % intervals: about 38 of 40 cover 0; fewer than 34 would happen by chance with probability < 1 %
    assertThat(medianCovers).isBetween(34, pairs);
    assertThat(meanCovers).isBetween(34, pairs);
  }

  @Test
  void twoSamplesOfOneDistributionGiveANarrowIntervalAroundZero() {
    DifferenceInterval d = DifferenceInterval.ofMedians(sample(1, 2000, 0), sample(2, 2000, 0), 0.95).orElseThrow();
    assertThat(d.low()).isLessThan(0);
    assertThat(d.high()).isGreaterThan(0);
    assertThat(d.high() - d.low()).as("a 95 %% interval of n = 2000 is narrow").isLessThan(40);
    assertThat(d.countA()).isEqualTo(2000);
  }

  @Test
  void aKnownShiftIsExcludedFromZeroAndCovered() {
    Histogram order = sample(3, 2000, 100);
    Histogram noorder = sample(4, 2000, 0);
    for (DifferenceInterval d : new DifferenceInterval[] {DifferenceInterval.ofMedians(order, noorder, 0.95).orElseThrow(),
        DifferenceInterval.ofMeans(order, noorder, 0.95).orElseThrow()}) {
      assertThat(d.excludesZero()).isTrue();
      assertThat(d.low()).isGreaterThan(0).isLessThan(100);
      assertThat(d.high()).isGreaterThan(100);
    }
  }

  @Test
  void theSameSamplesGiveTheSameIntervalAndAHigherConfidenceAWiderOne() {
    Histogram a = sample(5, 500, 20);
    Histogram b = sample(6, 500, 0);
    DifferenceInterval first = DifferenceInterval.ofMedians(a, b, 0.95).orElseThrow();
    assertThat(DifferenceInterval.ofMedians(a.copy(), b.copy(), 0.95)).contains(first);
    DifferenceInterval wider = DifferenceInterval.ofMedians(a, b, 0.99).orElseThrow();
    assertThat(wider.high() - wider.low()).isGreaterThan(first.high() - first.low());
  }

  @Test
  @Slow // bootstraps two sides of 120,000 values
  void largeSidesAreResampledInPartsAndStillCoverTheShift() {
    Histogram order = sample(7, 120_000, 30);
    Histogram noorder = sample(8, 120_000, 0);
    DifferenceInterval d = DifferenceInterval.ofMeans(order, noorder, 0.95).orElseThrow();
    assertThat(d.countA()).isEqualTo(120_000);
    assertThat(d.low()).isLessThan(30);
    assertThat(d.high()).isGreaterThan(30);
    assertThat(d.excludesZero()).isTrue();
  }

  @Test
  void anEmptySideHasNoIntervalAndABadConfidenceIsRefused() {
    Histogram empty = new Histogram(3_600_000_000L, 3);
    assertThat(DifferenceInterval.ofMedians(empty, sample(9, 10, 0), 0.95)).isEmpty();
    assertThatThrownBy(() -> DifferenceInterval.ofMeans(sample(9, 10, 0), sample(10, 10, 0), 1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidence");
  }
}

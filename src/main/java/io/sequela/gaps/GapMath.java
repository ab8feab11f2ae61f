package io.sequela.gaps;

import java.time.Duration;
import java.time.LocalDateTime;

/** Small arithmetic shared by the figures. */
final class GapMath {

  private GapMath() {}

  /** rows / seconds from {@code first} to {@code last}; null when no time passed. */
  static Double perSecond(long rows, LocalDateTime first, LocalDateTime last) {
    long micros = Duration.between(first, last).toNanos() / 1_000;
    return micros <= 0 ? null : rows * 1_000_000.0 / micros;
  }

  /** a / b, null when either is null or b is 0. */
  static Double ratio(Double a, Double b) {
    return a == null || b == null || b == 0 ? null : a / b;
  }
}

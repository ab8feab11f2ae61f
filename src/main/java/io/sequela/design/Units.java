package io.sequela.design;

import java.math.BigDecimal;
import java.time.Duration;

/** The stable text forms of the design's quantities (the stamp's line depends on them). */
final class Units {

  private Units() {}

  /** A duration as whole seconds ({@code 2s}) when it is one, else milliseconds ({@code 1500ms}). */
  static String duration(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }

  /** A number without trailing zeros: {@code 10}, {@code 2.5}. */
  static String number(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}

package io.sequela.history;

/** Which way a figure gets better, as Apache Otava's {@code direction} says it (1, -1); NONE is recorded only. */
public enum Direction {
  /** Latencies, costs: a higher value is a regression. */
  LOWER_IS_BETTER(-1),
  /** Throughput: a lower value is a regression. */
  HIGHER_IS_BETTER(1),
  /** Counts with limits of their own (rows, KO, gaps): recorded and charted, never gated against the baseline. */
  NONE(0);

  private final int otava;

  Direction(int otava) {
    this.otava = otava;
  }

  /** Otava's metric direction: 1 higher is better, -1 lower is better, 0 for NONE. */
  int otava() {
    return otava;
  }
}

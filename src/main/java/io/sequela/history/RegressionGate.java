package io.sequela.history;

import io.sequela.stats.NoiseBand;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The regression gate: a figure is a regression when it is worse than the baseline median by more than
 * {@code regression_pct_max} percent AND outside the baseline runs' {@link NoiseBand} on the worse side, so
 * neither a small shift on a quiet figure nor a large one on a noisy figure fails a run alone. An improvement
 * (better by as much, outside the band on the better side) is reported, never failed. Figures whose
 * {@link Direction} is NONE are not compared.
 */
public final class RegressionGate {

  private RegressionGate() {}

  /**
   * Compares a run's figures with a baseline.
   *
   * @param baseline the baseline runs; when not {@link Baseline#usable()}, every figure is NO_BASELINE
   * @param metrics this run's figures
   * @param pctMax the threshold in percent, empty when no threshold is set (figures are NOT_GATED)
   * @return one verdict per figure whose direction is not NONE, in order
   */
  public static List<Verdict> compare(Baseline baseline, List<Metric> metrics, OptionalDouble pctMax) {
    List<Verdict> out = new ArrayList<>();
    for (Metric m : metrics) {
      if (m.direction() == Direction.NONE) {
        continue;
      }
      double[] past = baseline.values(m.column());
      NoiseBand band = past.length == 0 ? null : NoiseBand.of(past);
      if (m.value() == null) {
        out.add(new Verdict(m, Verdict.Kind.NOT_MEASURED, band, null));
        continue;
      }
      if (band == null || !baseline.usable()) {
        out.add(new Verdict(m, Verdict.Kind.NO_BASELINE, band, band == null ? null : worsePct(m, band.median())));
        continue;
      }
      double worse = worsePct(m, band.median());
      Verdict.Kind kind;
      if (pctMax.isEmpty()) {
        kind = Verdict.Kind.NOT_GATED;
      } else if (worse > pctMax.getAsDouble() && outsideOnWorseSide(m, band)) {
        kind = Verdict.Kind.REGRESSION;
      } else if (-worse > pctMax.getAsDouble() && !band.contains(m.value()) && !outsideOnWorseSide(m, band)) {
        kind = Verdict.Kind.IMPROVEMENT;
      } else {
        kind = Verdict.Kind.STEADY;
      }
      out.add(new Verdict(m, kind, band, worse));
    }
    return out;
  }

  /** Percent by which {@code m}'s value is worse than {@code base} (negative: better). */
  static double worsePct(Metric m, double base) {
    double diff = m.direction() == Direction.LOWER_IS_BETTER ? m.value() - base : base - m.value();
    if (base == 0) {
      return diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
    }
    return diff / Math.abs(base) * 100;
  }

  private static boolean outsideOnWorseSide(Metric m, NoiseBand band) {
    return m.direction() == Direction.LOWER_IS_BETTER ? m.value() > band.high() : m.value() < band.low();
  }
}

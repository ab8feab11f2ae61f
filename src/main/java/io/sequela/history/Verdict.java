package io.sequela.history;

import io.sequela.stats.NoiseBand;

/**
 * How one figure of a run compares with its baseline.
 *
 * @param metric the figure, with this run's value
 * @param kind the outcome
 * @param band the baseline runs' median and noise band, or null when they have no value of this figure
 * @param worsePct how much worse than the baseline median, in percent (negative: better); null without a band or
 *     a value; infinite when the baseline median is 0 and the value is not
 */
public record Verdict(Metric metric, Kind kind, NoiseBand band, Double worsePct) {

  /** The outcomes. */
  public enum Kind {
    /** Worse than the baseline by more than the threshold and outside the noise band: fails the run. */
    REGRESSION,
    /** Better by more than the threshold and outside the band: reported, never failed. */
    IMPROVEMENT,
    /** Within the threshold or the band. */
    STEADY,
    /** No threshold (regression_pct_max unset): compared for the trend page only. */
    NOT_GATED,
    /** No baseline value to compare with (too few runs, or the figure is new). */
    NO_BASELINE,
    /** This run did not measure the figure. */
    NOT_MEASURED
  }
}

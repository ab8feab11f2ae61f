package io.sequela.gaps;

import io.sequela.config.SequenceMode;
import io.sequela.db.SequenceAttributes;

/**
 * What became of one planned stage (test x mode) of a SeqOrder run, for the reconciliation and the pages.
 *
 * @param test the test's name
 * @param mode the stage's sequence mode
 * @param state whether it ran, was cut short or did not run
 * @param reason why it was cut short or did not run; null when it ran
 * @param usesSequence false for a mode that leaves the sequence alone (AUTO_INCREMENT): nothing to switch or verify
 * @param readBack the sequence's attributes read back after the switch on every distinct connection (the mode
 *     verified); null when the switch failed, was not attempted, or the mode uses no sequence
 */
public record StageStatus(String test, SequenceMode mode, State state, String reason, boolean usesSequence,
    SequenceAttributes readBack) {

  /** What became of a stage. */
  public enum State {
    /** Switched, verified and run to its end. */
    RAN("ran"),
    /** Switched and verified, then stopped before its end (the run was stopped). */
    CUT_SHORT("cut short"),
    /** Never started: its switch failed or read back wrong, or the run stopped before it. */
    NOT_RUN("not run");

    private final String label;

    State(String label) {
      this.label = label;
    }

    /** As the pages and the JSON show it, e.g. {@code not run}. */
    public String label() {
      return label;
    }
  }

  /** True when the mode was switched and read back as expected (never for a mode that uses no sequence). */
  public boolean modeVerified() {
    return readBack != null;
  }
}

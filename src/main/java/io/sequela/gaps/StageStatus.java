package io.sequela.gaps;

import io.sequela.config.SequenceMode;
import io.sequela.db.SequenceAttributes;

/**
 * What became of one planned stage of a SeqOrder run (a variant's warm-up or one measured block), for the
 * reconciliation and the pages.
 *
 * @param test the test's name
 * @param mode the stage's sequence mode
 * @param state whether it ran, was cut short or did not run
 * @param reason why it was cut short or did not run; null when it ran
 * @param usesSequence false for a mode that leaves the sequence alone (AUTO_INCREMENT): nothing to switch or verify
 * @param readBack the sequence's attributes read back after the switch on every distinct connection (the mode
 *     verified); null when the switch failed, was not attempted, or the mode uses no sequence
 * @param variant the variant's name (the mode; {@code NOORDER#2} in an A/A test)
 * @param block the measured block's number within the test (JOB_EXECUTION.BLOCK_NO), 1-based; 0 for a warm-up
 */
public record StageStatus(String test, SequenceMode mode, State state, String reason, boolean usesSequence,
    SequenceAttributes readBack, String variant, int block) {

  /** A stage of the whole mode (one block, the variant named as the mode). */
  public StageStatus(String test, SequenceMode mode, State state, String reason, boolean usesSequence,
      SequenceAttributes readBack) {
    this(test, mode, state, reason, usesSequence, readBack, mode.name(), 1);
  }

  /** The stage as the console names it: {@code NOORDER block 3}, {@code ORDER warm-up}. */
  public String label() {
    return (variant == null ? mode.name() : variant) + (block == 0 ? " warm-up" : " block " + block);
  }

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

package io.sequela.gaps;

import java.util.List;

/**
 * What a SeqOrder run says about itself beside the figures of its rows, for sequence-gaps.json|html: what
 * became of each planned stage, the KOs by error code, and whether the run was cut short.
 *
 * @param stages every planned stage, in run order
 * @param koCodes the KOs per error code per test x mode x node
 * @param cutShort why the run was stopped before its end, or null
 * @param databaseNote why the database's figures are missing (it could not be reached), or null
 */
public record RunNotes(List<StageStatus> stages, String cutShort, String databaseNote) {

  public RunNotes {
    stages = List.copyOf(stages);
  }

  /** Notes of a run whose stages are not known (pages built from the figures alone). */
  public static RunNotes none() {
    return new RunNotes(List.of(), null, null);
  }
}

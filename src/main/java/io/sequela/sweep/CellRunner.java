package io.sequela.sweep;

import io.sequela.config.SweepPlan;
import java.io.IOException;

/** Runs one cell of a sweep to its end: one Gatling run of the cell's plan. */
@FunctionalInterface
interface CellRunner {

  /**
   * Runs the cell.
   *
   * @param simulation SeqOrderSimulation or KeyGenSimulation
   * @param folder the sweep's folder: the cell's plan is {@link SweepFolder#plan}, its Gatling results go under
   *     {@link SweepFolder#runs} (empty when called), its console into {@link SweepFolder#log}
   * @return the run's exit status (Gatling's 2 for failed assertions still leaves a result)
   */
  int run(String simulation, SweepPlan.Cell cell, SweepFolder folder) throws IOException, InterruptedException;
}

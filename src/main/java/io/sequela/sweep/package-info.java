/**
 * A sweep's run (docs/sweeps.md): the cells of a {@code config.SweepPlan} in a shuffled, seeded order
 * ({@code SweepOrder}), each one full Gatling run of its simulation in a JVM of its own ({@code ForkedCells}), its
 * results JSON copied into the sweep's folder ({@code SweepFolder}: a copied cell is a done cell, so a sweep started
 * again with its run id runs only the others), then {@code report.SweepReport}'s page and JSON over every cell
 * ({@code SweepRun}). Uses {@code config} and {@code report}.
 */
package io.sequela.sweep;

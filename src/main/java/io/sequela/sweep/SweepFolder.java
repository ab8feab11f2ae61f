package io.sequela.sweep;

import io.sequela.SequelaException;
import io.sequela.config.SweepPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A sweep's folder, {@code <results dir>/sweep-<run id>/}: {@code plans/<cell>.json} (each cell's plan),
 * {@code runs/<cell>/} (its Gatling results folder), {@code logs/<cell>.log} (its console), {@code cells/<cell>.json}
 * (its results JSON, copied once the run wrote it: what "done" means), {@code sweep.html} and {@code sweep.json}.
 *
 * @param dir the folder
 */
record SweepFolder(Path dir) {

  /** The folder of run id {@code runId} under {@code resultsDir}. */
  public static SweepFolder of(Path resultsDir, String runId) {
    return new SweepFolder(resultsDir.resolve("sweep-" + runId));
  }

  /** The copied results of a cell; present means done. */
  public Path result(SweepPlan.Cell c) {
    return dir.resolve("cells").resolve(c.id() + ".json");
  }

  /** True once the cell's results are in the folder. */
  public boolean done(SweepPlan.Cell c) {
    return Files.isRegularFile(result(c));
  }

  public Path plan(SweepPlan.Cell c) {
    return dir.resolve("plans").resolve(c.id() + ".json");
  }

  public Path runs(SweepPlan.Cell c) {
    return dir.resolve("runs").resolve(c.id());
  }

  public Path log(SweepPlan.Cell c) {
    return dir.resolve("logs").resolve(c.id() + ".log");
  }

  /**
   * Writes every cell's plan, refusing a run id whose folder holds another plan for a cell: a resumed sweep must be the
   * same sweep.
   *
   * @throws SequelaException.InvalidInput naming the cell whose plan differs
   */
  void writePlans(SweepPlan plan, String runId) {
    try {
      for (SweepPlan.Cell c : plan.cells()) {
        Path p = plan(c);
        String json = c.planJson();
        if (Files.isRegularFile(p) && !Files.readString(p, StandardCharsets.UTF_8).equals(json)) {
          throw new SequelaException.InvalidInput("--run-id " + runId + ": " + p + " holds another plan for cell " + c.id()
              + " than " + plan.source() + " gives it: a resumed sweep must be the same sweep; give another --run-id");
        }
        Files.createDirectories(p.getParent());
        Files.writeString(p, json, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new SequelaException("cannot write the cells' plans under " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Empties a cell's Gatling results folder: a cell that did not finish runs again from the start. */
  void clearRuns(SweepPlan.Cell c) throws IOException {
    Path runs = runs(c);
    if (Files.isDirectory(runs)) {
      try (Stream<Path> all = Files.walk(runs)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(runs);
    Files.createDirectories(log(c).getParent());
  }
}

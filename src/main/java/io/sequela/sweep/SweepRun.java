package io.sequela.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.SequelaException;
import io.sequela.config.SweepPlan;
import io.sequela.report.KeyGenReport;
import io.sequela.report.SequenceGapsReport;
import io.sequela.report.SweepFigures;
import io.sequela.report.SweepReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A sweep from start to page: the cells not yet done, in the plan's shuffled order, one full run each; after each cell
 * its results JSON copied into the sweep's folder and the page rewritten, so a sweep stopped anywhere has a page of the
 * cells done so far and, started again with its run id, runs only the others.
 */
public final class SweepRun {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SweepRun() {}

  /**
   * What a sweep did.
   *
   * @param folder the sweep's folder
   * @param ran cells run now
   * @param failed cells run now that left no results JSON (run again on a resume)
   * @param page sweep.html
   */
  public record Result(Path folder, int ran, int failed, Path page) {}

  /** The cells not yet done, in run order. */
  static List<SweepPlan.Cell> pending(SweepPlan plan, SweepFolder folder) {
    return SweepOrder.shuffled(plan.cells(), plan.seed()).stream().filter(c -> !folder.done(c)).toList();
  }

  /**
   * Runs the cells not yet done and writes the page.
   *
   * @param runId the sweep's run id: its folder's name, the same to resume
   * @param resultsDir where the sweep's folder goes
   * @param out progress: the estimate first, then a line per cell as it starts and ends
   */
  public static Result run(SweepPlan plan, String runId, Path resultsDir, CellRunner runner, PrintStream out) {
    SweepFolder folder = SweepFolder.of(resultsDir, runId);
    folder.writePlans(plan, runId);
    List<SweepPlan.Cell> order = SweepOrder.shuffled(plan.cells(), plan.seed());
    List<SweepPlan.Cell> todo = pending(plan, folder);
    Duration left = todo.stream().map(SweepPlan.Cell::estimate).reduce(Duration.ZERO, Duration::plus);
    out.printf("sweep %s: %s, %d cells (%s), %d done, %d to run: about %s (from the plan's sizes; seed %d)%n", runId,
        plan.simulation(), plan.cells().size(), axes(plan), plan.cells().size() - todo.size(), todo.size(), text(left),
        plan.seed());
    out.println("sweep " + runId + ": folder " + folder.dir());
    java.util.concurrent.atomic.AtomicReference<String> current = new java.util.concurrent.atomic.AtomicReference<>();
    Thread stopped = new Thread(() -> stopped(plan, runId, folder, current.get(), out), "sweep-stopped");
    Runtime.getRuntime().addShutdownHook(stopped);
    try {
      return cells(plan, runId, folder, runner, order, todo, left, current, out);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopped);
      } catch (IllegalStateException e) {
        // the JVM is stopping: the hook says where
      }
    }
  }

  /** Says, as the sweep's JVM stops (Ctrl-C), where it stopped and how to go on. */
  private static void stopped(SweepPlan plan, String runId, SweepFolder folder, String where, PrintStream out) {
    long done = plan.cells().stream().filter(folder::done).count();
    out.printf("sweep %s: stopped%s, %d of %d cells done; started again with --run-id %s it runs the %d others%n", runId,
        where == null ? "" : " in " + where, done, plan.cells().size(), runId, plan.cells().size() - done);
  }

  /** Runs the cells {@code todo} one by one, {@code current} naming the one under way, then writes the page. */
  private static Result cells(SweepPlan plan, String runId, SweepFolder folder, CellRunner runner, List<SweepPlan.Cell> order,
      List<SweepPlan.Cell> todo, Duration left, java.util.concurrent.atomic.AtomicReference<String> current,
      PrintStream out) {
    int failed = 0;
    for (int i = 0; i < todo.size(); i++) {
      SweepPlan.Cell c = todo.get(i);
      int n = order.indexOf(c) + 1;
      current.set("cell " + n + " of " + order.size() + " (" + c.label() + ")");
      out.printf("sweep %s: cell %d of %d (%d of %d now): %s, about %s; %s left; console: %s%n", runId, n, order.size(),
          i + 1, todo.size(), c.label(), text(c.estimate()), text(left), folder.log(c));
      long start = System.nanoTime();
      int exit;
      try {
        folder.clearRuns(c);
        exit = runner.run(plan.simulation(), c, folder);
      } catch (IOException e) {
        throw new SequelaException("sweep " + runId + ": cell " + c.id() + " could not run: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SequelaException("sweep " + runId + ": interrupted in cell " + c.id(), e);
      }
      left = left.minus(c.estimate());
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      Optional<Path> json = resultJson(plan.simulation(), folder.runs(c));
      if (json.isEmpty()) {
        failed++;
        out.printf("sweep %s: cell %d of %d (%s) left no results JSON (exit %d, %s): see %s; it runs again on a resume%n",
            runId, n, order.size(), c.label(), exit, text(took), folder.log(c));
        continue;
      }
      copy(json.get(), folder.result(c));
      SweepFigures f = write(plan, runId, folder);
      SweepFigures.Cell fc = f.cells().stream().filter(x -> x.id().equals(c.id())).findFirst().orElseThrow();
      out.printf("sweep %s: cell %d of %d done in %s (exit %d): %s%n", runId, n, order.size(), text(took), exit,
          fc.verdicts() == null ? "no verdict" : fc.verdicts());
      current.set(null);
    }
    SweepFigures f = write(plan, runId, folder);
    f.kneeLines().forEach(l -> out.println("sweep " + runId + ": " + l));
    Path page = folder.dir().resolve(SweepReport.PAGE);
    out.println("sweep " + runId + ": page " + page);
    return new Result(folder.dir(), todo.size(), failed, page);
  }

  /** The page and JSON from every cell done so far. */
  static SweepFigures write(SweepPlan plan, String runId, SweepFolder folder) {
    Map<String, JsonNode> results = new LinkedHashMap<>();
    for (SweepPlan.Cell c : plan.cells()) {
      if (folder.done(c)) {
        try {
          results.put(c.id(), JSON.readTree(folder.result(c).toFile()));
        } catch (IOException e) {
          throw new SequelaException("cannot read " + folder.result(c) + ": " + e.getMessage(), e);
        }
      }
    }
    List<String> order = SweepOrder.shuffled(plan.cells(), plan.seed()).stream().map(SweepPlan.Cell::id).toList();
    SweepFigures f = SweepFigures.of(runId, plan, order, results);
    SweepReport.write(folder.dir(), f);
    return f;
  }

  /** The results JSON the cell's run wrote into its run folder under {@code runs} (the only run folder there). */
  static Optional<Path> resultJson(String simulation, Path runs) {
    String name = simulation.equals(SweepPlan.KEYGEN) ? KeyGenReport.JSON : SequenceGapsReport.JSON;
    if (!Files.isDirectory(runs)) {
      return Optional.empty();
    }
    try (Stream<Path> all = Files.walk(runs, 2)) {
      return all.filter(p -> p.getFileName().toString().equals(name) && Files.isRegularFile(p)).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void copy(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
      Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new SequelaException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }

  private static String axes(SweepPlan plan) {
    return String.join(" x ", plan.axes().stream().map(a -> a.key() + " " + a.values()).toList());
  }

  /** A duration as the sweep prints it, e.g. {@code 4 min 10 s}. */
  public static String text(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return s >= 3600 ? s / 3600 + " h " + s % 3600 / 60 + " min" : s >= 60 ? s / 60 + " min " + s % 60 + " s" : s + " s";
  }
}

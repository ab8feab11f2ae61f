package io.sequela.sweep;

import io.sequela.config.SweepPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs each cell as {@code mvn gatling:test} would: Gatling's launcher ({@code io.gatling.app.Gatling}) in a JVM of its
 * own, with {@code --add-opens=java.base/java.lang=ALL-UNNAMED} (Gatling 3.13+ needs it), the Gatling class path, the
 * {@code -Dsequela.*} settings the sweep was given and the cell's plan. When this JVM stops (Ctrl-C, SIGTERM), the cell's
 * JVM is stopped too and waited for (it stops its servers first, at most {@link #STOP_WAIT}), so an interrupted sweep
 * leaves no run behind and a sweep started again at once finds the embedded server's data directory free.
 *
 * @param classPath the class path of the Gatling JVM: the simulations, the library, Gatling and the plans
 * @param forwarded {@code -Dname=value} settings for every cell
 * @param maxHeap e.g. {@code 1g}
 */
public record ForkedCells(String classPath, List<String> forwarded, String maxHeap) implements CellRunner {

  /** What every JVM running Gatling 3.13 or later needs. */
  static final String ADD_OPENS = "--add-opens=java.base/java.lang=ALL-UNNAMED";
  /** How long a stopped cell may take to end: its own bound (run.Interruption: 30 s) and a margin. */
  static final java.time.Duration STOP_WAIT = java.time.Duration.ofSeconds(40);

  public ForkedCells {
    forwarded = List.copyOf(forwarded);
  }

  @Override
  public int run(String simulation, SweepPlan.Cell cell, SweepFolder folder) throws IOException, InterruptedException {
    Path runs = folder.runs(cell).toAbsolutePath();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + maxHeap, ADD_OPENS, "-cp", classPath));
    cmd.addAll(forwarded);
    cmd.add("-Dsequela.results.dir=" + runs);
    String planKey = simulation.equals(SweepPlan.KEYGEN) ? "sequela.keygen.plan" : "sequela.plan";
    cmd.add("-D" + planKey + "=" + folder.plan(cell).toAbsolutePath());
    cmd.addAll(List.of("io.gatling.app.Gatling", "-s", simulation, "-rf", runs.toString()));
    CellStop stop = new CellStop();
    try {
      Runtime.getRuntime().addShutdownHook(stop);
    } catch (IllegalStateException e) {
      throw new InterruptedException("the sweep is stopping: cell " + cell.id() + " not started");
    }
    Process p = null;
    try {
      p = stop.start(new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(folder.log(cell).toFile())), cell.id());
      return p.waitFor();
    } finally {
      if (p != null && p.isAlive()) {
        p.destroy();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(stop);
      } catch (IllegalStateException e) {
        // the JVM is stopping: the hook stops the cell
      }
    }
  }

  /**
   * One cell's shutdown hook, in place before the cell starts: once it runs no cell starts (the sweep's main thread
   * goes on while the hooks run, and a cell it started then would outlive this JVM and hold the data directory), and
   * the cell already started is stopped and waited for.
   */
  private static final class CellStop extends Thread {
    private Process cell;
    private boolean stopping;

    CellStop() {
      super("sweep-cell-stop");
    }

    /** Starts the cell, unless this JVM is stopping. */
    synchronized Process start(ProcessBuilder cellJvm, String id) throws IOException, InterruptedException {
      if (stopping) {
        throw new InterruptedException("the sweep is stopping: cell " + id + " not started");
      }
      cell = cellJvm.start();
      return cell;
    }

    @Override
    public void run() {
      Process q;
      synchronized (this) {
        stopping = true;
        q = cell;
      }
      if (q != null) {
        ForkedCells.stop(q);
      }
    }
  }

  /** Stops a cell's JVM as Ctrl-C would (SIGTERM: its graceful stop) and waits for it, killing it after {@link #STOP_WAIT}. */
  static void stop(Process p) {
    p.destroy();
    try {
      if (!p.waitFor(STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

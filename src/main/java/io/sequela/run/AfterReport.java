package io.sequela.run;

import io.sequela.db.EmbeddedPostgres;
import io.sequela.gatlingrun.GatlingRun;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that must wait until Gatling has written its HTML report: Gatling has no hook for that, but it
 * exits the JVM right after, so a shutdown hook registered in {@code Simulation.after()} runs then.
 * The hook adds sequela's pages to the run folder and, when the run failed a sequela check, replaces the
 * JVM's exit status (stopping the embedded PostgreSQL first, since a halt skips the other hooks).
 * A launcher that keeps the JVM running after Gatling returns (a test calling Gatling in-process) calls
 * {@link #addPagesNow()} instead of waiting for the exit.
 */
public final class AfterReport {

  private static final Logger LOG = LoggerFactory.getLogger(AfterReport.class);
  private static final List<Pages> PENDING = new CopyOnWriteArrayList<>();

  private AfterReport() {}

  /**
   * Registers the hook.
   *
   * @param run the run folder Gatling is writing
   * @param addPages writes sequela's pages into the run folder; skipped when Gatling wrote no report
   *     ({@code -Dgatling.noReports=true} or a crash); runs once, at exit or at {@link #addPagesNow()}
   * @param exitCode 0 to keep Gatling's exit status, otherwise the status the JVM must exit with
   */
  public static void register(GatlingRun run, Consumer<GatlingRun> addPages, int exitCode) {
    register(run, addPages, exitCode, g -> {});
  }

  /**
   * Registers the hook with a last step that runs whether or not Gatling wrote a report.
   *
   * @param afterwards runs once after {@code addPages} (or in its place), e.g. renaming the run folder; the
   *     folder must not be used by the caller afterwards
   */
  public static void register(GatlingRun run, Consumer<GatlingRun> addPages, int exitCode, Consumer<GatlingRun> afterwards) {
    Pages pages = new Pages(run, addPages, afterwards, new AtomicBoolean());
    PENDING.add(pages);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      pages.addOnce();
      if (exitCode != 0) {
        EmbeddedPostgres.stopIfStarted();
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(exitCode);
      }
    }, "sequela-after-report"));
  }

  /**
   * Adds now the pages of every hook registered so far whose pages are not added yet, for runs whose JVM
   * does not exit after Gatling wrote the report. The hooks still set the exit status at exit.
   */
  public static void addPagesNow() {
    for (Pages p : PENDING) {
      p.addOnce();
      PENDING.remove(p);
    }
  }

  private record Pages(GatlingRun run, Consumer<GatlingRun> addPages, Consumer<GatlingRun> afterwards, AtomicBoolean done) {
    void addOnce() {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      try {
        if (run.hasReport()) {
          addPages.accept(run);
        }
      } catch (RuntimeException e) {
        LOG.error("sequela pages could not be added to {}: {}", run.folder(), e.toString());
      }
      try {
        afterwards.accept(run);
      } catch (RuntimeException e) {
        LOG.error("sequela: {}", e.getMessage());
      }
    }
  }
}

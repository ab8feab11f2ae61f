package io.sequela.simulation;

import io.sequela.db.EmbeddedPostgres;
import io.sequela.report.GatlingRun;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that must wait until Gatling has written its HTML report: Gatling has no hook for that, but it
 * exits the JVM right after, so a shutdown hook registered in {@code Simulation.after()} runs then.
 * The hook adds sequela's pages to the run folder and, when the run failed a sequela check, replaces the
 * JVM's exit status (stopping the embedded PostgreSQL first, since a halt skips the other hooks).
 */
public final class AfterReport {

  private static final Logger LOG = LoggerFactory.getLogger(AfterReport.class);

  private AfterReport() {}

  /**
   * Registers the hook.
   *
   * @param run the run folder Gatling is writing
   * @param addPages writes sequela's pages into the run folder; skipped when Gatling wrote no report
   *     ({@code -Dgatling.noReports=true} or a crash)
   * @param exitCode 0 to keep Gatling's exit status, otherwise the status the JVM must exit with
   */
  public static void register(GatlingRun run, Consumer<GatlingRun> addPages, int exitCode) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        if (run.hasReport()) {
          addPages.accept(run);
        }
      } catch (RuntimeException e) {
        LOG.error("sequela pages could not be added to {}: {}", run.folder(), e.toString());
      }
      if (exitCode != 0) {
        EmbeddedPostgres.stopIfStarted();
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(exitCode);
      }
    }, "sequela-after-report"));
  }
}

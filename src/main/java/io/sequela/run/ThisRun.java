package io.sequela.run;

import io.sequela.SequelaException;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.gatlingrun.RunFolderWatch;
import io.sequela.record.RequestRecord;
import io.sequela.record.RequestRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The files of one run, by construction: its Gatling run folder ({@link RunFolderWatch}, never the newest folder)
 * and sequela's run record ({@link RequestRecord}), written while the run goes to a file of its own in the results
 * folder ({@code .<simulation>-<run id>.rec.tmp}: the run folder is known only once Gatling has started) and
 * moved into the run folder as {@value RequestRecord#FILE} by {@link #finish()}.
 */
public final class ThisRun {

  /** How long {@link #folder()} waits for the watch at most (Gatling opens simulation.log when the run starts). */
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final Path resultsDir;
  private final RunFolderWatch watch;
  private final RequestRecord record;
  private Optional<GatlingRun> folder;

  private ThisRun(Path resultsDir, RunFolderWatch watch, RequestRecord record) {
    this.resultsDir = resultsDir;
    this.watch = watch;
    this.record = record;
  }

  /**
   * Starts this run's record and the watch for its run folder; call it when the simulation is built.
   *
   * @param resultsDir Gatling's results folder
   * @param simulationName the simulation's simple class name
   * @param runId the run's id (unique per run: names the record's file until it is moved)
   * @throws SequelaException when the results folder or the record cannot be created
   */
  public static ThisRun start(Path resultsDir, String simulationName, String runId) {
    try {
      Files.createDirectories(resultsDir);
    } catch (IOException e) {
      throw new SequelaException("cannot create " + resultsDir + ": " + e.getMessage(), e);
    }
    RequestRecord record = RequestRecord.open(
        resultsDir.resolve("." + simulationName.toLowerCase(Locale.ROOT) + "-" + runId + ".rec.tmp"));
    return new ThisRun(resultsDir, RunFolderWatch.start(resultsDir, simulationName), record);
  }

  /** The record every request of this run is written to. */
  public RequestRecord record() {
    return record;
  }

  /**
   * This run's Gatling run folder.
   *
   * @throws SequelaException when Gatling wrote none for this run
   */
  public synchronized GatlingRun folder() {
    if (folder == null) {
      folder = watch.folder(WAIT);
    }
    return folder.orElseThrow(() -> new SequelaException("no Gatling run folder of this run under " + resultsDir));
  }

  /**
   * Closes the record and moves it into the run folder; once the run is over ({@code Simulation.after()}).
   *
   * @return the record's reader
   * @throws SequelaException when there is no run folder or the record cannot be moved
   */
  public synchronized RequestRecords finish() {
    record.close();
    Path target = folder().folder().resolve(RequestRecord.FILE);
    if (Files.exists(record.file())) {
      try {
        Files.move(record.file(), target, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new SequelaException("cannot move the run record into " + target + ": " + e.getMessage(), e);
      }
    }
    return new RequestRecords(target);
  }
}

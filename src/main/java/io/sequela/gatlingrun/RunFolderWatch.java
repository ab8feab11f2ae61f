package io.sequela.gatlingrun;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This JVM's Gatling run folder, known by construction: Gatling names the folder
 * {@code <simulation lowercase>-<yyyyMMddHHmmssSSS>} after the ms it starts the run (after {@code before()}),
 * which the simulation is never told, and opens {@code simulation.log} in it for the whole run. On Linux the JVM
 * sees the files it holds open under {@code /proc/self/fd}: a daemon thread started with the run looks there every
 * {@value #POLL_MS} ms until it finds the one {@code <results>/<simulation>-<digits>/simulation.log}, so two runs
 * in one clone at once each find their own folder. Where there is no {@code /proc/self/fd} (macOS, Windows) the
 * fallback is the oldest folder whose name's timestamp is not earlier than this run's start: right unless two
 * runs of the same simulation start in the same second range (docs/gatling.md). Never a file's modification time.
 */
public final class RunFolderWatch {

  private static final Logger LOG = LoggerFactory.getLogger(RunFolderWatch.class);
  private static final long POLL_MS = 5;
  private static final Path FDS = Path.of("/proc/self/fd");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS", Locale.ROOT);

  private final Path resultsDir;
  private final String prefix;
  private final long startedAtMs;
  private final boolean procFds;
  private volatile Path found;
  private volatile boolean stopped;

  private RunFolderWatch(Path resultsDir, String simulationName, boolean procFds) {
    this.resultsDir = resultsDir.toAbsolutePath().normalize();
    this.prefix = simulationName.toLowerCase(Locale.ROOT) + "-";
    this.startedAtMs = System.currentTimeMillis();
    this.procFds = procFds;
  }

  /**
   * Starts watching for this run's folder; call it before Gatling starts the run (when the simulation is built).
   *
   * @param resultsDir Gatling's results folder, e.g. {@code target/gatling}
   * @param simulationName the simulation's simple class name, any case
   */
  public static RunFolderWatch start(Path resultsDir, String simulationName) {
    return start(resultsDir, simulationName, Files.isDirectory(FDS));
  }

  /** As {@link #start(Path, String)}; {@code procFds} false forces the fallback (tests). */
  static RunFolderWatch start(Path resultsDir, String simulationName, boolean procFds) {
    RunFolderWatch w = new RunFolderWatch(resultsDir, simulationName, procFds);
    if (procFds) {
      Thread t = new Thread(w::poll, "sequela-run-folder");
      t.setDaemon(true);
      t.start();
    }
    return w;
  }

  private void poll() {
    while (found == null && !stopped) {
      found = openLog().orElse(null);
      if (found == null) {
        try {
          Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
    LOG.debug("run folder: {}", found);
  }

  /** The folder of the simulation.log this JVM holds open under the results folder, if any. */
  Optional<Path> openLog() {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(FDS)) {
      for (Path fd : fds) {
        Path target;
        try {
          target = Files.readSymbolicLink(fd);
        } catch (IOException | UnsupportedOperationException e) {
          continue; // closed meanwhile, or not a link
        }
        Path folder = target.getParent();
        if (target.getFileName() != null && target.getFileName().toString().equals("simulation.log") && folder != null
            && isRunFolderName(folder.getFileName().toString()) && sameFile(folder.getParent(), resultsDir)) {
          return Optional.of(folder);
        }
      }
    } catch (IOException e) {
      LOG.debug("cannot list {}: {}", FDS, e.getMessage());
    }
    return Optional.empty();
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return a != null && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private boolean isRunFolderName(String name) {
    return name.startsWith(prefix) && name.length() == prefix.length() + 17
        && name.substring(prefix.length()).chars().allMatch(Character::isDigit);
  }

  /**
   * This run's folder. With {@code /proc/self/fd}, the one found while Gatling held its simulation.log open
   * (waiting up to {@code wait} for the watch); otherwise the fallback (see the class doc). Stops the watch.
   *
   * @return the folder, or empty when this run wrote none (Gatling never started it)
   */
  public Optional<GatlingRun> folder(Duration wait) {
    long until = System.nanoTime() + wait.toNanos();
    while (procFds && found == null && System.nanoTime() < until) {
      found = openLog().orElse(null);
      if (found == null) {
        try {
          Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    stopped = true;
    if (found != null) {
      return Optional.of(new GatlingRun(found));
    }
    return procFds ? Optional.empty() : byName();
  }

  /** The fallback: the oldest {@code <simulation>-<stamp>} folder whose stamp is not before this run's start second. */
  Optional<GatlingRun> byName() {
    if (!Files.isDirectory(resultsDir)) {
      return Optional.empty();
    }
    long from = startedAtMs - startedAtMs % 1000;
    try (Stream<Path> dirs = Files.list(resultsDir)) {
      return dirs.filter(Files::isDirectory).filter(d -> isRunFolderName(d.getFileName().toString()))
          .filter(d -> stampMs(d.getFileName().toString()) >= from)
          .min(Comparator.comparing(d -> d.getFileName().toString()))
          .map(GatlingRun::new);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private long stampMs(String name) {
    try {
      return LocalDateTime.parse(name.substring(prefix.length()), STAMP).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return Long.MIN_VALUE;
    }
  }
}

package io.sequela.gatlingrun;

import io.sequela.SequelaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A Gatling run folder ({@code <results>/<simulation lowercase>-<yyyyMMddHHmmssSSS>/}): Gatling's report, sequela's
 * pages and run record. A run finds its own folder with {@link RunFolderWatch}; {@link #latest} is for tests and
 * tools looking at past runs. Nothing here reads simulation.log (only {@link TextLog} does, on the JDBC plugin's
 * profile).
 *
 * @param folder the run folder
 */
public record GatlingRun(Path folder) {

  /**
   * The newest run folder of a simulation.
   *
   * @param resultsDir the results folder, e.g. {@code target/gatling}
   * @param simulationName the simulation's simple class name, any case
   * @return the folder, if any run folder exists
   */
  public static Optional<GatlingRun> latest(Path resultsDir, String simulationName) {
    return latest(resultsDir, simulationName, run -> true);
  }

  /**
   * The newest run folder of a simulation that passes a test, e.g. {@link #hasReport()}. Only folders named
   * as Gatling names them ({@code <simulation>-<digits>}) count: an injector's renamed folder
   * ({@link #withInjectorNumber}) and a merged one ({@code <simulation>-merged-<run id>}) do not.
   *
   * @param resultsDir the results folder, e.g. {@code target/gatling}
   * @param simulationName the simulation's simple class name, any case
   * @param wanted which folders count
   * @return the folder, if any matching run folder exists
   */
  public static Optional<GatlingRun> latest(Path resultsDir, String simulationName, Predicate<GatlingRun> wanted) {
    String prefix = simulationName.toLowerCase(java.util.Locale.ROOT) + "-";
    if (!Files.isDirectory(resultsDir)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(resultsDir)) {
      return dirs.filter(Files::isDirectory)
          .filter(d -> isGatlingName(d.getFileName().toString(), prefix))
          .map(GatlingRun::new)
          .filter(wanted)
          .max(Comparator.comparing(g -> g.folder().getFileName().toString()));
    } catch (IOException e) {
      throw new SequelaException("cannot list " + resultsDir + ": " + e.getMessage(), e);
    }
  }

  private static boolean isGatlingName(String name, String prefix) {
    return name.startsWith(prefix) && name.length() > prefix.length()
        && name.substring(prefix.length()).chars().allMatch(Character::isDigit);
  }

  /**
   * Renames this run folder to carry an injector's number, {@code <simulation>-injector-<i>-<timestamp>}:
   * Gatling 3.11 names its folder after the simulation alone, so several injectors' folders look alike.
   *
   * @param injector the injector's number, from 1
   * @return the renamed run folder (this one when it already carries the number)
   * @throws SequelaException when the folder cannot be renamed
   */
  public GatlingRun withInjectorNumber(int injector) {
    String name = folder.getFileName().toString();
    if (name.contains("-injector-")) {
      return this;
    }
    int dash = name.lastIndexOf('-');
    String renamed = name.substring(0, dash) + "-injector-" + injector + name.substring(dash);
    try {
      return new GatlingRun(Files.move(folder, folder.resolveSibling(renamed)));
    } catch (IOException e) {
      throw new SequelaException("cannot rename " + folder + " to " + renamed + ": " + e.getMessage(), e);
    }
  }

  /** The run's simulation.log. */
  public Path simulationLog() {
    return folder.resolve("simulation.log");
  }

  /** True once Gatling has written the HTML report. */
  public boolean hasReport() {
    return Files.isRegularFile(folder.resolve("index.html"));
  }
}

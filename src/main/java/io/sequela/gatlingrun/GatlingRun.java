package io.sequela.gatlingrun;

import io.sequela.SequelaException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A Gatling run folder ({@code <results>/<simulation lowercase>-<yyyyMMddHHmmssSSS>/}) and the request
 * records of its text {@code simulation.log} (Gatling 3.11: tab-separated
 * {@code REQUEST <groups> <name> <startMs> <endMs> <OK|KO> <message>}; the format is Gatling's, not a
 * public contract, so this reader is tested against a real run).
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

  /**
   * The newest run folder of a simulation if it was created by a run that started at {@code startedAtMs}
   * (folder time no more than 1 s earlier: file times may be rounded to the second).
   *
   * @param startedAtMs when the run started, ms since the epoch
   * @return the folder, or empty when the newest one is older (this run wrote none)
   */
  public static Optional<GatlingRun> latestSince(Path resultsDir, String simulationName, long startedAtMs) {
    return latest(resultsDir, simulationName).filter(g -> g.folder().toFile().lastModified() >= startedAtMs - 1000);
  }

  /** The run's simulation.log. */
  public Path simulationLog() {
    return folder.resolve("simulation.log");
  }

  /** True once Gatling has written the HTML report. */
  public boolean hasReport() {
    return Files.isRegularFile(folder.resolve("index.html"));
  }

  /** OK and KO counts of one request name. */
  public record Outcomes(long ok, long ko) {}

  /**
   * One REQUEST record of simulation.log.
   *
   * @param name the request name
   * @param startMs start, ms since the epoch
   * @param endMs end, ms since the epoch
   * @param ok true for OK, false for KO
   * @param message the KO message (the driver's error text), empty for OK
   */
  public record Request(String name, long startMs, long endMs, boolean ok, String message) {}

  /**
   * Streams the REQUEST records of simulation.log to {@code sink} in file order (memory independent of the
   * log's size); malformed lines are skipped.
   *
   * @throws SequelaException when the log cannot be read
   */
  public void forEachRequest(Consumer<Request> sink) {
    forEachRequest(simulationLog(), sink);
  }

  /**
   * Streams the REQUEST records of any Gatling 3.11 text log (e.g. one injector's simulation.log copied under
   * another name) to {@code sink} in file order; malformed lines are skipped.
   *
   * @throws SequelaException when the log cannot be read
   */
  public static void forEachRequest(Path log, Consumer<Request> sink) {
    try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("REQUEST\t")) {
          String[] f = line.split("\t", -1);
          if (f.length >= 7) {
            try {
              sink.accept(new Request(f[2], Long.parseLong(f[3].trim()), Long.parseLong(f[4].trim()), f[5].equals("OK"), f[6]));
            } catch (NumberFormatException e) {
              // not a request record of this format: skip it
            }
          }
        }
      }
    } catch (IOException e) {
      throw new SequelaException("cannot read " + log + ": " + e.getMessage(), e);
    }
  }

  /**
   * Counts OK and KO records per request name in simulation.log, streaming.
   *
   * @return request name to outcomes; empty when the log holds no request
   * @throws SequelaException when the log cannot be read
   */
  public Map<String, Outcomes> outcomesByRequest() {
    return outcomesByRequest(q -> { });
  }

  /**
   * As {@link #outcomesByRequest()}, handing every request record to {@code alsoTo} in the same pass over the log.
   *
   * @throws SequelaException when the log cannot be read
   */
  public Map<String, Outcomes> outcomesByRequest(Consumer<Request> alsoTo) {
    Map<String, long[]> counts = new HashMap<>();
    forEachRequest(q -> {
      counts.computeIfAbsent(q.name(), k -> new long[2])[q.ok() ? 0 : 1]++;
      alsoTo.accept(q);
    });
    Map<String, Outcomes> out = new HashMap<>();
    counts.forEach((k, v) -> out.put(k, new Outcomes(v[0], v[1])));
    return out;
  }
}

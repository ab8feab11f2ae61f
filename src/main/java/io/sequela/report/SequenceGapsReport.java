package io.sequela.report;

import io.sequela.analysis.GapAnalysisResult;
import io.sequela.analysis.Latencies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Adds {@code sequence-gaps.html} and {@code sequence-gaps.json} to a Gatling run folder. Typical use from
 * a JVM shutdown hook registered in the simulation's {@code after()} (the hook runs once Gatling has
 * written its report):
 *
 * <pre>{@code
 * GapAnalysisResult result = GapAnalysis.run(dataSource, dialect, runId, tests, TimeBasis.SQL_DATE);
 * Runtime.getRuntime().addShutdownHook(new Thread(() ->
 *     SequenceGapsReport.writeToLatestRun(Path.of(System.getProperty("sequela.results.dir", "target/gatling")),
 *         "SeqOrderSimulation", result).ifPresent(System.out::print)));
 * }</pre>
 */
public final class SequenceGapsReport {

  /** The page's file name in the run folder. */
  public static final String PAGE = "sequence-gaps.html";
  /** The JSON file's name in the run folder. */
  public static final String JSON = "sequence-gaps.json";

  private SequenceGapsReport() {}

  /**
   * Writes the page and the JSON and links the page from the menu of every page of the report.
   *
   * @param runFolder a Gatling run folder holding index.html
   * @param result the run's figures ({@code GapAnalysis.run})
   * @param latencies the run's response times ({@link Latencies#fromSimulationLog}, or {@link Latencies#none()})
   * @return the paths written: page, then JSON
   * @throws io.sequela.SequelaException.InvalidInput when the folder holds no index.html
   */
  public static List<Path> write(Path runFolder, GapAnalysisResult result, Latencies latencies) {
    ReportFolder folder = ReportFolder.at(runFolder);
    Path json = folder.writeJson(JSON, SequenceGapsJson.of(result, latencies));
    Path page = folder.addPage(PAGE, "Sequence gaps", "Gatling Stats - Sequence gaps",
        SequenceGapsPage.body(result, latencies));
    return List.of(page, json);
  }

  /**
   * Finds the simulation's newest run folder, reads its simulation.log latencies and writes page and JSON
   * there ({@link #write}).
   *
   * @param resultsDir Gatling's results folder, e.g. {@code target/gatling}
   * @param simulationName the simulation's simple class name
   * @return the console comparison table ({@link ComparisonTable#render}), empty when there is no report
   */
  public static Optional<String> writeToLatestRun(Path resultsDir, String simulationName, GapAnalysisResult result) {
    return ReportFolder.latest(resultsDir, simulationName).map(folder -> {
      Path log = folder.dir().resolve("simulation.log");
      Latencies latencies = Files.isRegularFile(log) ? Latencies.fromSimulationLog(log) : Latencies.none();
      write(folder.dir(), result, latencies);
      return ComparisonTable.render(result, latencies);
    });
  }
}

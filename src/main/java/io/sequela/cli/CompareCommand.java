package io.sequela.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.SequelaException;
import io.sequela.report.CompareReport;
import io.sequela.report.RunComparison;
import io.sequela.report.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sequela compare}: two runs side by side ({@link RunComparison}), read from the runs' own JSON, written as
 * compare.html and compare.json ({@link CompareReport}).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, header = "Put two runs side by side: compare.html and compare.json.",
    description = "Reads each run's results (sequence-gaps.json, key-generation.json or query-stats.json) and its identity "
        + "(sequela-run.json: plan, target, design), and writes both runs' verdicts and figures with the difference of each "
        + "(second minus first; with an interval where both runs give one) and a warning when the runs differ in plan, "
        + "target or design. A run is a run folder or a run id, looked up under --results.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the page was written (warnings included)", "1:a file could not be read or written",
        "2:a run folder is missing or holds no sequela results, a run id is not found, or the runs are of different simulations"})
final class CompareCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(index = "0", paramLabel = "<first>", description = "The first run (e.g. the baseline): its folder or its run id.")
  String first;

  @Parameters(index = "1", paramLabel = "<second>", description = "The second run: its folder or its run id.")
  String second;

  @Option(names = "--results", paramLabel = "<dir>", defaultValue = "target/gatling", showDefaultValue = Visibility.ALWAYS,
      description = "Where run ids are looked up: the Gatling results folder.")
  Path results;

  @Option(names = "--out", paramLabel = "<dir>",
      description = "Where compare.html and compare.json go; default: the second run's folder (a page of its report).")
  Path out;

  @Override
  public Integer call() {
    Run a = resolve("first run", first);
    Run b = resolve("second run", second);
    if (!a.result().simulation().equals(b.result().simulation())) {
      throw new SequelaException.InvalidInput("second run '" + second + "': a " + b.result().simulation() + " run, the first is a "
          + a.result().simulation() + " run: only runs of one simulation compare");
    }
    RunComparison c = RunComparison.of(a.result(), b.result());
    List<Path> written = CompareReport.write(out != null ? out : b.folder(), c);
    CompareReport.consoleLines(c).forEach(System.out::println);
    System.out.println("compare: " + written.get(0));
    return 0;
  }

  private record Run(Path folder, RunResult result) {}

  /** A run folder, or the folder under --results whose results hold the run id. */
  private Run resolve(String which, String arg) {
    Path p = Path.of(arg);
    if (Files.isDirectory(p)) {
      return read(which, arg, p);
    }
    if (arg.contains("/") || arg.contains(java.io.File.separator)) {
      throw new SequelaException.InvalidInput(which + " '" + arg + "': no such folder");
    }
    if (!Files.isDirectory(results)) {
      throw new SequelaException.InvalidInput(which + " '" + arg + "': not a folder, and --results " + results
          + " is no folder to look the run id up in");
    }
    List<Path> found = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(results)) {
      for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
        if (arg.equals(runId(d))) {
          found.add(d);
        }
      }
    } catch (IOException e) {
      throw new SequelaException("cannot list " + results + ": " + e.getMessage(), e);
    }
    if (found.isEmpty()) {
      throw new SequelaException.InvalidInput(which + " '" + arg + "': no run folder under " + results + " holds run id " + arg);
    }
    return read(which, arg, found.get(found.size() - 1));
  }

  /** The run id a folder's results or identity hold, or null. */
  private static String runId(Path dir) {
    for (String f : Stream.concat(Stream.of(RunResult.RUN_JSON), RunResult.FILES.keySet().stream()).toList()) {
      Path file = dir.resolve(f);
      if (Files.isRegularFile(file)) {
        try {
          JsonNode id = JSON.readTree(file.toFile()).get("run_id");
          if (id != null && id.isTextual()) {
            return id.asText();
          }
        } catch (IOException e) {
          // an unreadable file names no run: the folder is skipped
        }
      }
    }
    return null;
  }

  private static Run read(String which, String arg, Path dir) {
    List<String> files = RunResult.FILES.keySet().stream().filter(f -> Files.isRegularFile(dir.resolve(f))).sorted().toList();
    if (files.isEmpty()) {
      throw new SequelaException.InvalidInput(which + " '" + arg + "': " + dir + " holds none of "
          + String.join(", ", RunResult.FILES.keySet().stream().sorted().toList()) + " (not a sequela run folder)");
    }
    try {
      JsonNode results = JSON.readTree(dir.resolve(files.get(0)).toFile());
      Path stamp = dir.resolve(RunResult.RUN_JSON);
      JsonNode identity = Files.isRegularFile(stamp) ? JSON.readTree(stamp.toFile()) : null;
      return new Run(dir, RunResult.of(files.get(0), results, identity));
    } catch (IOException e) {
      throw new SequelaException.InvalidInput(which + " '" + arg + "': cannot read " + dir.resolve(files.get(0)) + ": "
          + e.getMessage());
    }
  }

}

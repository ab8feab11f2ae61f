package io.sequela.cli;

import io.sequela.SequelaException;
import io.sequela.config.SweepPlan;
import io.sequela.config.SweepPlanLoader;
import io.sequela.config.SweepSettings;
import io.sequela.sweep.ForkedCells;
import io.sequela.sweep.SweepRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sequela sweep}: every cell of a sweep plan as a full comparison of its own ({@link SweepRun}), then
 * sweep.html and sweep.json over all of them (docs/sweeps.md).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    header = "Run a sweep plan: one full comparison per cell of its grid, then sweep.html and sweep.json.",
    description = "The plan is a SeqOrder plan (it has tests) or a KeyGen plan with a sweep block of one or two axes, "
        + "e.g. \"sweep\": {\"users\": [1, 2, 4], \"sequence_cache\": [1, 20, 100]}. Every cell's plan is checked before any "
        + "database work; the sweep prints how long it will take, then runs each cell as one Gatling run of the simulation in "
        + "a JVM of its own (the -Dsequela.* settings given to this command go to every cell, e.g. -Dsequela.target=galera), "
        + "in a shuffled order (the plan's sweep.seed), and writes <results>/sweep-<run id>/: each cell's plan, console, "
        + "Gatling run and results JSON (cells/<cell>.json), sweep.html and sweep.json. Started again with the same run id it "
        + "runs only the cells without results. Needs target/gatling-classpath.txt (mvn -o package -DskipTests).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every cell has its results", "1:a cell left no results (run again with the same --run-id), or a "
        + "failure", "2:bad input: the plan (one line per problem), the run id, an unknown -Dsequela.* setting"})
final class SweepCommand implements Callable<Integer> {

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  @Parameters(index = "0", paramLabel = "<plan>", description = "The sweep plan: a file, or a classpath resource such as plans/seqorder-knee.json.")
  String plan;

  @Option(names = "--run-id", paramLabel = "<id>", description = "The sweep's run id: its folder's name; give an earlier one to resume. Default: the start time.")
  String runId;

  @Option(names = "--dry-run", description = "Check the plan, print the cells in run order and the estimate, run nothing.")
  boolean dryRun;

  @Option(names = "--xmx", paramLabel = "<size>", defaultValue = "1g", showDefaultValue = Visibility.ALWAYS,
      description = "Each cell's Gatling JVM heap.")
  String xmx;

  @Override
  public Integer call() {
    SweepSettings settings = SweepSettings.load();
    // the bundled plans are test resources: on target/test-classes for Gatling, not in target/sequela.jar
    boolean inSources = !Files.exists(Path.of(plan)) && Files.isRegularFile(Path.of("resources", plan));
    SweepPlan sweep = SweepPlanLoader.load(inSources ? Path.of("resources", plan).toString() : plan, settings.embedded(),
        settings.target());
    String id = runId != null ? runId : LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    if (!RUN_ID.matcher(id).matches()) {
      throw new SequelaException.InvalidInput("--run-id: must be 1 to 64 letters, digits, '.', '_' or '-', got '" + id + "'");
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (dryRun) {
      io.sequela.sweep.SweepOrder.shuffled(sweep.cells(), sweep.seed()).forEach(c -> out.println("cell " + c.id() + ": "
          + c.label()));
      out.println("sweep: " + sweep.cells().size() + " cells, about " + SweepRun.text(sweep.estimate()) + " (seed "
          + sweep.seed() + ")");
      return 0;
    }
    SweepRun.Result r = SweepRun.run(sweep, id, settings.resultsDir(),
        new ForkedCells(gatlingClassPath(), settings.forwarded(), xmx), out);
    return r.failed() == 0 ? 0 : 1;
  }

  /**
   * This JVM's class path when Gatling is on it (a test, an IDE), else the simulations, the library and
   * target/gatling-classpath.txt, as scripts/injectors-local.sh puts them together.
   */
  static String gatlingClassPath() {
    try {
      Class.forName("io.gatling.app.Gatling", false, SweepCommand.class.getClassLoader());
      return System.getProperty("java.class.path");
    } catch (ClassNotFoundException e) {
      Path cp = Path.of("target", "gatling-classpath.txt");
      if (!Files.isRegularFile(cp)) {
        throw new SequelaException.InvalidInput("sweep: " + cp.toAbsolutePath() + " is missing: build it with "
            + "mvn -o package -DskipTests, and run sequela sweep in the project's folder");
      }
      try {
        return String.join(java.io.File.pathSeparator, "target/test-classes", "target/classes",
            Files.readString(cp).strip());
      } catch (IOException ex) {
        throw new SequelaException("cannot read " + cp + ": " + ex.getMessage(), ex);
      }
    }
  }
}

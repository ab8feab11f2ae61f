package io.sequela.cli;

import io.sequela.SequelaException;
import io.sequela.config.NightlySettings;
import io.sequela.config.SeqOrderSettings;
import io.sequela.seqorder.SeqOrderMerge;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sequela report}: one report for a SeqOrderSimulation run driven by several injectors
 * ({@link SeqOrderMerge}).
 */
@Command(name = "report", mixinStandardHelpOptions = true, header = "Merge several injectors' run folders into one report.",
    description = "Reads each injector's run record (sequela-requests.rec) and latency.hlog and writes "
        + "<out>/seqordersimulation-merged-<run id>/: sequence-gaps.html|json for the whole run (the reconciliation of every "
        + "injector's OK count with the rows and the plan's inserts (SEQUELA_SHARE), KOs by code, the workers' µs latencies "
        + "and the verdict, the gap analysis ordered by SQL_DATE, the database's clock), the merged latency.hlog, the plan's "
        + "checks (sequela-assertions.xml), one history row per test and trends.html, and an index.html linking each "
        + "injector's own Gatling report. The plan is -Dsequela.plan, as the injectors were given it. Exit code 1 when the "
        + "run does not reconcile or a check failed.")
final class ReportCommand implements Callable<Integer> {

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  @Option(names = "--run-id", required = true, paramLabel = "<id>", description = "The run id every injector was given (-Dsequela.run-id).")
  String runId;

  @Option(names = "--out", paramLabel = "<dir>", description = "Where the merged folder goes; default: the first input's parent.")
  Path out;

  @Parameters(arity = "1..*", paramLabel = "<input>",
      description = "Every injector's Gatling run folder (each holds sequela-requests.rec).")
  List<Path> inputs;

  @Mixin TargetOptions target;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!RUN_ID.matcher(runId).matches()) {
      throw new SequelaException.InvalidInput("--run-id: must be 1 to 64 letters, digits, '.', '_' or '-', got '" + runId + "'");
    }
    Path resultsDir = out != null ? out : inputs.get(0).toAbsolutePath().getParent();
    SeqOrderMerge.Result r = SeqOrderMerge.run(new SeqOrderMerge.Request(runId, inputs, resultsDir, target.target(),
        SeqOrderSettings.load().plan(), NightlySettings.load()), new PrintStream(System.out, true));
    PrintStream console = System.out;
    console.println("merged report: " + r.folder().resolve("index.html"));
    if (!r.reconciles()) {
      console.println("sequela: reconciliation failed: OK != rows for at least one node (see the table above)");
      return 1;
    }
    return r.exitCode() == 0 ? 0 : 1;
  }
}

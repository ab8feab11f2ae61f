package io.sequela.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sequela} command: a short list of subcommands. Main-Class of target/sequela.jar. */
@Command(name = "sequela", mixinStandardHelpOptions = true, version = "sequela 0.1.0",
    description = "Database load-test helpers: seeded data models, loaded fast and verified; merged reports of several injectors; two runs side by side; sweeps.",
    subcommands = {PopulateCommand.class, VerifyCommand.class, DescribeCommand.class, ReportCommand.class, CompareCommand.class, SweepCommand.class, ClaimCommand.class, EmbeddedCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:verify found a mismatch, a merged run does not reconcile, or a database or software failure", "2:usage error or bad input (options, model file, an unknown -Dsequela.* setting)"})
public final class SequelaCommand implements Callable<Integer> {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The configured command line: settings read (and unknown {@code -Dsequela.*} keys refused) before any command
   * runs, one-line errors, documented exit codes. Tests run it in-process.
   */
  public static CommandLine commandLine() {
    OneLineErrors errors = new OneLineErrors();
    return new CommandLine(new SequelaCommand())
        .setExecutionStrategy(errors)
        .setExecutionExceptionHandler(errors)
        .setExitCodeExceptionMapper(OneLineErrors::exitCode);
  }

  @Override
  public Integer call() {
    CommandLine.usage(this, System.out);
    return CommandLine.ExitCode.USAGE;
  }
}

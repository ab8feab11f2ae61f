package io.sequela.cli;

import io.sequela.SequelaException;
import io.sequela.config.CliSettings;
import io.sequela.db.Target;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;

/**
 * Reads the command's settings before it runs (an unknown {@code -Dsequela.*} key stops it), then prints a
 * failure as one line per problem on stderr, never a stack trace (set {@code -Dsequela.trace=true} to get one),
 * and maps it to an exit code: 2 for bad input, 1 for anything else.
 */
final class OneLineErrors implements IExecutionExceptionHandler, IExecutionStrategy {

  private boolean trace;

  /** Loads {@link CliSettings}, then runs the command picocli parsed. */
  @Override
  public int execute(ParseResult parsed) {
    try {
      trace = CliSettings.load().trace();
    } catch (SequelaException e) {
      throw new ExecutionException(parsed.commandSpec().commandLine(), e.getMessage(), e);
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    String message = e instanceof SequelaException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    for (String line : String.valueOf(message).split("\n")) {
      cmd.getErr().println("error: " + Target.mask(line));
    }
    if (trace) {
      e.printStackTrace(cmd.getErr());
    }
    return exitCode(e);
  }

  static int exitCode(Throwable e) {
    return e instanceof SequelaException.InvalidInput || e instanceof CommandLine.ParameterException || e instanceof SequelaException.UnsupportedDialect
        ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.SOFTWARE;
  }
}

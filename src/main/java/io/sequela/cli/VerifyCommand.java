package io.sequela.cli;

import io.sequela.SequelaException;
import io.sequela.populate.DatabaseStatus;
import io.sequela.populate.Fingerprints;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sequela verify}: checks a database against a model's (or a status file's) fingerprints. */
@Command(name = "verify", mixinStandardHelpOptions = true, header = "Check that a database holds exactly the model's rows.",
    description = "Computes per table the row count and per column count, min, max and an exact sum of a bigint "
        + "projection in SQL, compares them with the same figures computed from the model (or read from a "
        + "describe file) and prints each mismatch as <table>.<column>: <field> expected X, found Y. Exit code 0 only when all match.")
final class VerifyCommand implements Callable<Integer> {

  static final class Expected {
    @Mixin ModelOptions model;

    @Option(names = "--expected", required = true, paramLabel = "<file.json>", description = "A status file written by describe.")
    Path expected;
  }

  @ArgGroup(exclusive = true, multiplicity = "1") Expected source;
  @Mixin TargetOptions target;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DatabaseStatus expected = source.expected != null ? DatabaseStatus.read(source.expected)
        : Fingerprints.expected(source.model.load());
    List<String> mismatches = Fingerprints.mismatches(expected, Fingerprints.measure(target.target(), expected));
    PrintWriter out = spec.commandLine().getOut();
    if (mismatches.isEmpty()) {
      out.println("verify: OK, " + expected.tables().size() + " table(s) match seed " + expected.seed());
      return 0;
    }
    mismatches.forEach(m -> out.println("MISMATCH " + m));
    out.println("verify: " + mismatches.size() + " mismatch(es)");
    return 1;
  }
}

package io.sequela.cli;

import io.sequela.populate.DatabaseStatus;
import io.sequela.populate.Fingerprints;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sequela verify}: checks a database against a model's (or a status file's) fingerprints. */
@Command(name = "verify", mixinStandardHelpOptions = true, header = "Check that a database holds exactly the model's rows.",
    description = "Computes per table the row count and per column count, min, max and an exact sum of a bigint "
        + "projection in SQL, compares them with the same figures computed from the model (or read from a "
        + "describe file) and prints each mismatch as <table>.<column>: <field> expected X, found Y. Exit code 0 only when all match.")
final class VerifyCommand implements Callable<Integer> {

  @Option(names = "--model", paramLabel = "<file>",
      description = "Model file (HOCON or JSON) or classpath resource; or give --expected.")
  String model;

  @Option(names = "--seed", paramLabel = "<n>", description = "Seed; overrides the model's seed.")
  Long seed;

  @Option(names = "--expected", paramLabel = "<file.json>", description = "A status file written by describe, instead of --model.")
  Path expected;

  @Mixin TargetOptions target;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if ((model == null) == (expected == null)) {
      throw new ParameterException(spec.commandLine(), "give either --model or --expected");
    }
    DatabaseStatus want = expected != null ? DatabaseStatus.read(expected) : Fingerprints.expected(ModelOptions.load(model, seed));
    List<String> mismatches = Fingerprints.mismatches(want, Fingerprints.measure(target.target(), want));
    PrintWriter out = spec.commandLine().getOut();
    if (mismatches.isEmpty()) {
      out.println("verify: OK, " + want.tables().size() + " table(s) match seed " + want.seed());
      return 0;
    }
    mismatches.forEach(m -> out.println("MISMATCH " + m));
    out.println("verify: " + mismatches.size() + " mismatch(es)");
    return 1;
  }
}

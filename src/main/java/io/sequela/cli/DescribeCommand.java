package io.sequela.cli;

import io.sequela.populate.DatabaseStatus;
import io.sequela.populate.Fingerprints;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sequela describe}: writes the expected fingerprints of a model, no database needed. */
@Command(name = "describe", mixinStandardHelpOptions = true, header = "Write a model's expected fingerprints to a JSON file.",
    description = "The 'database status' file: verify --expected <file> checks a database against it on any machine.")
final class DescribeCommand implements Callable<Integer> {

  @Mixin ModelOptions model;
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "<file.json>", description = "Where to write the JSON.")
  Path out;

  @Override
  public Integer call() {
    DatabaseStatus status = Fingerprints.expected(model.load());
    status.write(out);
    spec.commandLine().getOut().println("describe: " + status.tables().size() + " table(s), seed " + status.seed() + " -> " + out);
    return 0;
  }
}

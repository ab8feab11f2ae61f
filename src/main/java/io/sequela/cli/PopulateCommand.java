package io.sequela.cli;

import io.sequela.SequelaException;
import io.sequela.populate.LoadResult;
import io.sequela.populate.Model;
import io.sequela.populate.Populator;
import io.sequela.populate.Progress;
import io.sequela.populate.Schema;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sequela populate}: creates the model's tables and loads them. */
@Command(name = "populate", mixinStandardHelpOptions = true, header = "Create the model's tables and load them.",
    description = "PostgreSQL through COPY, other databases through JDBC batches; row ranges load in parallel. "
        + "The same model and seed give the same rows on every machine and with any number of threads.")
final class PopulateCommand implements Callable<Integer> {

  @Mixin ModelOptions model;
  @Mixin TargetOptions target;
  @Spec CommandSpec spec;

  @Option(names = "--threads", paramLabel = "<n>", defaultValue = "2", showDefaultValue = Visibility.ALWAYS,
      description = "Loading threads (one connection each). PostgreSQL: with at least as many tables as threads each "
          + "table loads as one COPY FREEZE stream in the transaction that creates it, otherwise its row ranges load in parallel.")
  int threads;

  @Option(names = "--schema", paramLabel = "create|none", defaultValue = "create", showDefaultValue = Visibility.ALWAYS,
      description = "create: drop and create each table, then add keys and indexes; none: the tables exist, only load rows.")
  String schema;


  @Override
  public Integer call() {
    Model m = model.load();
    if (threads < 1) {
      throw new SequelaException.InvalidInput("--threads: must be >= 1, got " + threads);
    }
    Schema s = switch (schema.toLowerCase(Locale.ROOT)) {
      case "create" -> Schema.CREATE;
      case "none" -> Schema.NONE;
      default -> throw new SequelaException.InvalidInput("--schema: must be create or none, got '" + schema + "'");
    };
    LoadResult r;
    try (Progress p = Progress.console("populate", m.totalRows(), spec.commandLine().getErr(), 5)) {
      r = Populator.load(m, target.target(), threads, s, p);
    }
    spec.commandLine().getOut().printf(Locale.ROOT, "populate: %d rows in %d table(s), seed %d, in %.1f s (%.0f rows/s)%n",
        r.rows(), m.tables().size(), m.seed(), r.millis() / 1000.0, r.rowsPerSecond());
    return 0;
  }
}

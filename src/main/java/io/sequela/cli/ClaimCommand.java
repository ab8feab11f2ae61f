package io.sequela.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.sequela.SequelaException;
import io.sequela.db.Pools;
import io.sequela.db.SqlScripts;
import io.sequela.db.Target;
import io.sequela.injectors.StageBarrier;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sequela claim}: an injector number for a runner that cannot be told its own (the gatling-operator starts
 * every runner pod with one command line): the lowest number of the run nobody took yet.
 */
@Command(name = "claim", mixinStandardHelpOptions = true, header = "Take the next free injector number of a run.",
    description = "Prints the lowest injector number (1..<n>) of run <id> that no other injector took, recorded in "
        + "SEQUELA_STAGE of the target, so runners started alike can each pass -Dsequela.injector=<i>/<n>. With --schema "
        + "create it first runs sql/<dialect>/setup.sql (idempotent), as the runs do.")
final class ClaimCommand implements Callable<Integer> {

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final int SETUP_ATTEMPTS = 5;

  @Option(names = "--run-id", required = true, paramLabel = "<id>", description = "The run id every injector is given.")
  String runId;

  @Option(names = "--injectors", required = true, paramLabel = "<n>", description = "How many injectors drive the run.")
  int injectors;

  @Option(names = "--schema", paramLabel = "create|none", defaultValue = "create", showDefaultValue = Visibility.ALWAYS,
      description = "create: run setup.sql first; none: the DBA did.")
  String schema;

  @Mixin TargetOptions target;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (!RUN_ID.matcher(runId).matches()) {
      throw new SequelaException.InvalidInput("--run-id: must be 1 to 64 letters, digits, '.', '_' or '-', got '" + runId + "'");
    }
    if (injectors < 1 || injectors > 9999) {
      throw new SequelaException.InvalidInput("--injectors: must be 1 to 9999, got " + injectors);
    }
    if (!schema.equals("create") && !schema.equals("none")) {
      throw new SequelaException.InvalidInput("--schema: must be create or none, got '" + schema + "'");
    }
    Target t = target.target().resolve();
    try (HikariDataSource db = Pools.open(t, "claim", 1)) {
      if (schema.equals("create")) {
        setUp(db, t);
      }
      spec.commandLine().getOut().println(StageBarrier.claim(db, runId, injectors, host()));
    }
    return 0;
  }

  /** setup.sql, retried: runners starting together may create the same objects at once, and all but one then fail. */
  private static void setUp(HikariDataSource db, Target t) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = db.getConnection()) {
        SqlScripts.run(c, t.dialect(), "setup.sql");
        return;
      } catch (SQLException | SequelaException e) {
        if (attempt == SETUP_ATTEMPTS) {
          throw new SequelaException.DatabaseFailure("schema setup failed: " + e.getMessage(), e);
        }
        Thread.sleep(ThreadLocalRandom.current().nextLong(200, 800));
      }
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown host";
    }
  }
}

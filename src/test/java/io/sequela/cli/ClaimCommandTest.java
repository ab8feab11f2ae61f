package io.sequela.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.db.Target;
import io.sequela.testing.EmbeddedDb;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ClaimCommandTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = SequelaCommand.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return new Run(cmd.execute(args), out.toString(), err.toString());
  }

  @Test
  void eachClaimPrintsTheNextFreeNumberUntilNoneIsLeft() throws Exception {
    Target pg = EmbeddedDb.withJobExecutionSchema();
    String runId = "cli-claim-" + System.nanoTime();
    String[] args = {"claim", "--run-id", runId, "--injectors", "2", "--target", pg.jdbcUrl(), "--user", pg.user()};
    assertThat(run(args).out().strip()).isEqualTo("1");
    assertThat(run(args).out().strip()).isEqualTo("2");
    Run third = run(args);
    assertThat(third.code()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(third.err()).isEqualTo("error: --injectors: all 2 injector numbers of run '" + runId + "' are taken" + System.lineSeparator());
  }

  @Test
  void badOptionsAreOneLineBeforeAnyConnection() {
    Run r = run("claim", "--run-id", "r", "--injectors", "0", "--target", "jdbc:postgresql://127.0.0.1:9/none");
    assertThat(r.code()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(r.err()).isEqualTo("error: --injectors: must be 1 to 9999, got 0" + System.lineSeparator());
  }
}

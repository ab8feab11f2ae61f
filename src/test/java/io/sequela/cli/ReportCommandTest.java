package io.sequela.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.db.Target;
import io.sequela.testing.EmbeddedDb;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import io.sequela.record.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sequela report}'s refusals: one line each, exit 2, before Gatling runs or anything is written. */
class ReportCommandTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = SequelaCommand.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return new Run(cmd.execute(args), out.toString(), err.toString());
  }

  // nobody listens here: a check that needed the database would fail with another message
  private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:9/none";

  @Test
  void anInputWithoutARunRecordOrABadRunIdIsRefusedBeforeTheDatabase() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("seqordersimulation-20261201120000000"));
    Run r = run("report", "--run-id", "r1", "--target", NOWHERE, empty.toString());
    assertThat(r.code()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(r.err()).isEqualTo("error: <input>: " + empty + " is not an injector's run folder: it holds no "
        + "sequela-requests.rec (sequela's run record, written by every injector's run)" + System.lineSeparator());
    Run bad = run("report", "--run-id", "a b", "--target", NOWHERE, empty.toString());
    assertThat(bad.err()).isEqualTo("error: --run-id: must be 1 to 64 letters, digits, '.', '_' or '-', got 'a b'" + System.lineSeparator());
    Run none = run("report", "--run-id", "r1", "--target", NOWHERE, dir.resolve("absent").toString());
    assertThat(none.err()).contains("is not an injector's run folder");
  }

  @Test
  void aRunIdNoInjectorRecordedIsNamed() throws Exception {
    Target pg = EmbeddedDb.withJobExecutionSchema();
    Path folder = Files.createDirectories(dir.resolve("seqordersimulation-injector-1-20261201120000000"));
    RequestRecord.open(folder.resolve(RequestRecord.FILE)).close();
    Run r = run("report", "--run-id", "never-ran", "--target", pg.jdbcUrl(), "--user", pg.user(), folder.toString());
    assertThat(r.code()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(r.err()).startsWith("error: --run-id: no injector of run 'never-ran' recorded its share in SEQUELA_SHARE");
    assertThat(dir.resolve("seqordersimulation-merged-never-ran")).doesNotExist();
  }

  @Test
  void helpNamesTheNewCommands() {
    assertThat(run("--help").out()).contains("report", "Merge several injectors' run folders into one report.", "embedded");
  }
}

package io.sequela.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.gatlingrun.InjectorShare;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sequela report}'s checks of its input: one line each, exit 2, before any database work or Gatling. */
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

  /** An injector's run folder as InjectorRun leaves it. */
  private Path injectorFolder(String runId, int injector, int injectors) throws Exception {
    Path f = Files.createDirectories(dir.resolve("seqordersimulation-injector-" + injector + "-20261201120000000"));
    Files.writeString(f.resolve("simulation.log"), "RUN\tSeqOrderSimulation\tseqordersimulation\t1795264304681\t \t3.11.5\n");
    new InjectorShare(runId, "SeqOrderSimulation", injector, injectors,
        List.of(new InjectorShare.Request(0, "t ORDER node 1", "t", "ORDER", 1, 10))).writeTo(f);
    return f;
  }

  // the target is a database nobody listens on: a check that reached it would fail with another message
  private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:9/none";

  @Test
  void aMissingInjectorIsNamed() throws Exception {
    Path one = injectorFolder("r1", 1, 3);
    Path three = injectorFolder("r1", 3, 3);
    Run r = run("report", "--run-id", "r1", "--target", NOWHERE, one.toString(), three.toString());
    assertThat(r.code()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(r.err()).isEqualTo("error: folders: run 'r1' had 3 injectors; the folder of injector 2 is missing" + System.lineSeparator());
    assertThat(dir.resolve("seqordersimulation-merged-r1")).doesNotExist();
  }

  @Test
  void aFolderOfAnotherRunOrNoInjectorAtAllIsRefused() throws Exception {
    Path one = injectorFolder("r2", 1, 2);
    Run other = run("report", "--run-id", "r3", "--target", NOWHERE, one.toString());
    assertThat(other.err()).isEqualTo("error: " + one + ": belongs to run 'r2', not 'r3'" + System.lineSeparator());
    Path plain = Files.createDirectories(dir.resolve("seqordersimulation-20261201120000000"));
    Files.writeString(plain.resolve("simulation.log"), "");
    Run single = run("report", "--run-id", "r2", "--target", NOWHERE, plain.toString());
    assertThat(single.code()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(single.err()).contains(plain + ": no sequela-injector.json");
    Run bad = run("report", "--run-id", "a b", "--target", NOWHERE, one.toString());
    assertThat(bad.err()).isEqualTo("error: --run-id: must be 1 to 64 letters, digits, '.', '_' or '-', got 'a b'" + System.lineSeparator());
  }

  @Test
  void helpNamesTheNewCommands() {
    assertThat(run("--help").out()).contains("report", "Merge several injectors' run folders into one report.", "embedded");
  }
}

package io.sequela.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sequela sweep}: bad plans are exit 2 in one line per problem; a dry run checks, orders and estimates. */
class SweepCommandTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cmd = SequelaCommand.commandLine();
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    cmd.setErr(new PrintWriter(err, true));
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      return new Run(cmd.execute(args), out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(old);
    }
  }

  @Test
  void aDryRunOfTheBundledSweepPrintsEveryCellInRunOrderAndTheEstimate() {
    Run r = run("sweep", "--dry-run", "plans/seqorder-knee.json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().filter(l -> l.startsWith("cell "))).hasSize(8);
    assertThat(r.out()).containsPattern("sweep: 8 cells, about \\d+ min \\d+ s \\(seed 1\\)");
  }

  @Test
  void aBadSweepIsExitTwoWithOneLinePerProblem() throws Exception {
    Path plan = dir.resolve("bad.conf");
    Files.writeString(plan, "sweep {\n  users = []\n  colour = [1, 2]\n}\n");
    Run r = run("sweep", plan.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad.conf:2: sweep.users: must be a non-empty list", "bad.conf:3: sweep.colour: must be a"
        + " numeric plan key of KeyGenSimulation").doesNotContain("Exception");
    assertThat(run("sweep", "--run-id", "no/slash", "plans/seqorder-knee.json").err())
        .contains("--run-id: must be 1 to 64 letters");
  }

  @Test
  void aCellWithMoreUsersThanTheEmbeddedServerTakesIsRefusedBeforeAnyCellRuns() throws Exception {
    Path plan = dir.resolve("many.json");
    Files.writeString(plan, "{ \"sweep\": { \"users\": [1, 120] }, \"tests\": [ { \"test_name\": \"t\", \"scenarii\": [\n"
        + " { \"node_number\": 1, \"iterations\": 40, \"interval\": 0, \"connection\": \"embedded\" },\n"
        + " { \"node_number\": 2, \"iterations\": 40, \"interval\": 0, \"connection\": \"embedded\" } ] } ] }");
    Run r = run("sweep", "--run-id", "many", plan.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("error: many.json:1: sweep.users: must put at most 190 users on the embedded"
        + " server at once (the embedded server's max_connections 200 minus 10 reserved;"
        + " -Dsequela.embedded.max_connections raises it), got 240 in cell users-120 (test t, 2 nodes, users=120)");
    assertThat(Path.of("target", "gatling", "sweep-many")).as("no folder: nothing written, nothing run").doesNotExist();
  }
}

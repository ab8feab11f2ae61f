package io.sequela.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SequelaCommandTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = SequelaCommand.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path model(String text) throws Exception {
    Path p = dir.resolve("model.conf");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void aMistypedSettingIsOneLineBeforeTheCommandRuns() throws Exception {
    Path out = dir.resolve("status.json");
    System.setProperty("sequela.embeded.fresh", "true");
    Run r;
    try {
      r = run("describe", "--model", "models/cpu_usage.conf", "--out", out.toString());
    } finally {
      System.clearProperty("sequela.embeded.fresh");
    }
    assertThat(r.code()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(r.err()).isEqualTo("error: -Dsequela.embeded.fresh: unknown setting; did you mean sequela.embedded.fresh?"
        + System.lineSeparator());
    assertThat(out).doesNotExist();
    assertThat(run("describe", "--model", "models/cpu_usage.conf", "--out", out.toString()).code()).isZero();
  }

  @Test
  void helpListsCommandsAndExitCodes() {
    Run r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("populate", "verify", "describe", "Exit codes:", "2   usage error or bad input");
  }

  @Test
  void badModelIsOneLineExitTwoAndWritesNothing() throws Exception {
    Path m = model("seed = 1\ntables { t { rows = 5, columns = [{ name = usage, type = \"double precision\", gen = uniform, min = 5, max = 1 }] } }");
    Path out = dir.resolve("status.json");
    Run r = run("describe", "--model", m.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: tables.t.columns.usage.max: must be >= min" + System.lineSeparator());
    assertThat(out).doesNotExist();
  }

  @Test
  void unknownOptionIsUsageError() {
    assertThat(run("populate", "--modle", "x").code()).isEqualTo(2);
  }

  @Test
  void unreachableDatabaseIsOneLineExitOneWithoutPassword() throws Exception {
    Path m = model("tables { t { rows = 1, columns = [{ name = id, type = bigint, gen = sequence }] } }");
    Run r = run("verify", "--model", m.toString(), "--target", "jdbc:postgresql://127.0.0.1:1/x", "--user", "u", "--password", "s3cret");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: verify: cannot connect to 127.0.0.1:1").doesNotContain("s3cret").doesNotContain("\tat ");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void populateVerifyDescribeOnH2AndMismatchExitsOne() throws Exception {
    Path m = model("seed = 3\ntables { t { rows = 2500, primary-key = [id], columns = ["
        + "{ name = id, type = bigint, gen = sequence }, { name = v, type = integer, gen = uniform, min = 1, max = 6 } ] } }");
    String url = "jdbc:h2:mem:cli;DB_CLOSE_DELAY=-1";
    Run p = run("populate", "--model", m.toString(), "--target", url, "--threads", "2");
    assertThat(p.code()).as(p.err()).isZero();
    assertThat(p.out()).startsWith("populate: 2500 rows in 1 table(s), seed 3");

    Path status = dir.resolve("status.json");
    assertThat(run("describe", "--model", m.toString(), "--out", status.toString()).code()).isZero();
    assertThat(run("verify", "--expected", status.toString(), "--target", url).out()).startsWith("verify: OK");
    assertThat(run("verify", "--model", m.toString(), "--seed", "4", "--target", url).code()).isEqualTo(1);

    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE t SET v = 7 WHERE id = 1");
    }
    Run v = run("verify", "--model", m.toString(), "--target", url);
    assertThat(v.code()).isEqualTo(1);
    assertThat(v.out()).contains("MISMATCH t.v: max expected 6, found 7");
  }
}

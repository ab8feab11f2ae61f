package io.sequela.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.testing.ForkedJvm;
import io.sequela.testing.Slow;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sequela sweep} in a JVM of its own, stopped while a cell runs, then started again with the same run id at once:
 * it says where it stopped, its cell's JVM ends before it does (so the embedded server's data directory is free for the
 * next start), and the second start runs only the cells not done and pages all of them. Stopped with SIGTERM, which
 * runs the same shutdown as Ctrl-C's SIGINT: a JVM started in the background of a shell without job control ignores
 * SIGINT (as its shell does), and a test must not depend on how Maven was started.
 */
@Slow
class SweepStopAndResumeTest {

  // kept when the test fails: the cells' consoles (results/sweep-stop/logs) say why a cell ended as it did
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir;

  @Test
  void aSweepStoppedInACellRunsOnlyTheOthersWhenStartedAgainAtOnce() throws Exception {
    Path plan = Files.writeString(dir.resolve("stop.json"), "{ \"sweep\": { \"users\": [1, 2, 3] }, \"warmup\": 0,"
        + " \"blocks\": 4, \"tests\": [ { \"test_name\": \"tiny\", \"scenarii\": ["
        + " { \"node_number\": 1, \"iterations\": 40, \"interval\": 0, \"connection\": \"embedded\" },"
        + " { \"node_number\": 2, \"iterations\": 40, \"interval\": 0, \"connection\": \"embedded\" } ] } ] }");
    List<String> first = run(plan, "cell 2 of 3 (2 of 3 now)");
    assertThat(first).as(String.join("\n", first)).anyMatch(l -> l.startsWith("sweep stop: stopped in cell 2 of 3 (users="))
        .anyMatch(l -> l.contains(", 1 of 3 cells done; started again with --run-id stop it runs the 2 others"));

    List<String> again = run(plan, null);
    String out = String.join("\n", again);
    assertThat(out).as(out + "\n" + cellLogs()).contains("sweep stop: SeqOrderSimulation, 3 cells (users [1, 2, 3]), 1 done, 2 to run",
        "sweep stop: cell 2 of 3 (1 of 2 now)", "sweep stop: cell 3 of 3 (2 of 2 now)").doesNotContain("left no results");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("results").resolve("sweep-stop").resolve("sweep.json").toFile());
    assertThat(json.get("cells")).hasSize(3).allSatisfy(c -> assertThat(c.get("cell_run_id").isTextual()).isTrue());
  }

  /** The cells' consoles, last 20 lines each, for a failure's message. */
  private String cellLogs() throws java.io.IOException {
    Path logs = dir.resolve("results").resolve("sweep-stop").resolve("logs");
    if (!Files.isDirectory(logs)) {
      return "(no cell logs in " + logs + ")";
    }
    StringBuilder b = new StringBuilder();
    try (var files = Files.list(logs)) {
      for (Path f : files.sorted().toList()) {
        List<String> lines = Files.readAllLines(f);
        b.append("--- ").append(f.getFileName()).append('\n')
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()))).append('\n');
      }
    }
    return b.toString();
  }

  /**
   * Runs the sweep command; when {@code stopAt} is given, sends SIGTERM to it once a line contains it.
   *
   * @return its console lines
   */
  private List<String> run(Path plan, String stopAt) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), ForkedJvm.PREFS,
        "-Dsequela.embedded.dir=" + dir.resolve("pg"), "-Dsequela.history.dir=" + dir.resolve("history"),
        "-Dsequela.results.dir=" + dir.resolve("results"), "io.sequela.cli.SequelaCommand", "sweep", "--xmx", "512m",
        "--run-id", "stop", plan.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
        if (stopAt != null && line.contains(stopAt)) {
          Thread.sleep(3000); // the cell's JVM is under way
          new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor(); // its streams stay open
        }
      }
    }
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("the sweep ended: " + lines).isTrue();
    return lines;
  }
}

package io.sequela.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareCommandTest {

  @TempDir Path dir;

  private record Run(int code, String err) {}

  private static Run run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cmd = SequelaCommand.commandLine();
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    cmd.setErr(new PrintWriter(err, true));
    return new Run(cmd.execute(args), err.toString());
  }

  private Path folder(String name, String file, String json) throws Exception {
    Path f = Files.createDirectories(dir.resolve("gatling").resolve(name));
    Files.writeString(f.resolve(file), json);
    return f;
  }

  private static String gaps(String runId, double cost) {
    return ("{'run_id':'" + runId + "','dialect':'postgresql','tests':[{'test_name':'t','modes':{},'comparison':{"
        + "'verdict':'v','median_latency_diff_us':" + cost + ",'median_latency_diff_ci_us':[1,2000]}}]}").replace('\'', '"');
  }

  @Test
  void twoRunIdsUnderTheResultsDirGiveThePageInTheSecondRunsFolder() throws Exception {
    folder("seqordersimulation-1", "sequence-gaps.json", gaps("run-a", 100));
    Path b = folder("seqordersimulation-2", "sequence-gaps.json", gaps("run-b", 150));
    Run r = run("compare", "run-a", "run-b", "--results", dir.resolve("gatling").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(b.resolve("compare.html")).exists();
    assertThat(Files.readString(b.resolve("compare.json"))).contains("\"difference\" : 50.0");
  }

  @Test
  void aMissingFolderAFolderWithoutResultsAnUnknownRunIdAndAnotherSimulationAreExit2NamingTheArgument() throws Exception {
    Path a = folder("seqordersimulation-1", "sequence-gaps.json", gaps("run-a", 100));
    Path q = folder("querybenchsimulation-1", "query-stats.json", "{\"median_ms\":1}");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    String results = dir.resolve("gatling").toString();
    Run missing = run("compare", a.toString(), dir.resolve("nope/x").toString(), "--results", results);
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).startsWith("error: second run '" + dir.resolve("nope/x") + "': no such folder").hasLineCount(1);
    assertThat(run("compare", empty.toString(), a.toString()).err()).contains("first run '" + empty + "'")
        .contains("not a sequela run folder");
    Run unknown = run("compare", "run-zz", a.toString(), "--results", results);
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("first run 'run-zz': no run folder under " + results + " holds run id run-zz");
    Run other = run("compare", a.toString(), q.toString());
    assertThat(other.code()).isEqualTo(2);
    assertThat(other.err()).contains("second run '" + q + "': a QueryBenchSimulation run");
  }
}

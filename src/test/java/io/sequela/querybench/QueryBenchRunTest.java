package io.sequela.querybench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input stops QueryBenchRun.prepare with one line before any database work: the target here is a
 * closed port, so reaching the database first would fail differently (DatabaseFailure).
 */
class QueryBenchRunTest {

  private static final String CLOSED = "jdbc:postgresql://127.0.0.1:1/none";

  @TempDir
  Path dir;

  @AfterEach
  void clear() {
    for (String k : new String[] {"queries", "data", "target", "workers", "assignment"}) {
      System.clearProperty("sequela.querybench." + k);
    }
  }

  /** Runs prepare with these settings (and the closed target unless given) and checks its one-line error. */
  private void refused(Map<String, String> settings, String messageStart) {
    clear();
    System.setProperty("sequela.querybench.target", CLOSED);
    settings.forEach((k, v) -> System.setProperty("sequela.querybench." + k, v));
    assertThatThrownBy(QueryBenchRun::prepare).isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessageStartingWith(messageStart).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aBadQueryLineNamesFileLineAndColumn() throws Exception {
    Path q = Files.writeString(dir.resolve("q.csv"), "hostname,start_time,end_time\nhost_000001,2017-1-1 08:59:22,2017-01-01 09:59:22\n");
    refused(Map.of("queries", q.toString()), q + ": line 2: start_time: unparsable timestamp '2017-1-1 08:59:22'");
  }

  @Test
  void aBadDataHeaderOrTargetOrWorkerCountNamesIt() throws Exception {
    Path data = Files.writeString(dir.resolve("cpu.csv"), "time,host,usage\n");
    refused(Map.of("data", data.toString()), data + ": line 1: header must be ts,host,usage, got 'time,host,usage'");
    refused(Map.of("target", "scott@nowhere"), "sequela.querybench.target: must be 'embedded'");
    refused(Map.of("workers", "0"), "sequela.querybench.workers: must be >= 1, got 0");
    refused(Map.of("assignment", "even"), "sequela.querybench.assignment: must be rendezvous, balanced or balanced-queries, got 'even'");
  }
}

package io.sequela.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.testing.ForkedGatling;
import io.sequela.testing.Postmaster;
import io.sequela.testing.Slow;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C or SIGTERM 5 s into a KeyGen or a QueryBench run, each on an embedded server of its own, in a forked JVM as
 * Maven forks it: the run stops its load, writes its page and JSON for what ran (saying it was interrupted), the JUnit
 * file and a history row with status interrupted, stops its server and exits 130 (as SeqOrder does: InterruptTest).
 */
@Slow
class KeyGenQueryBenchInterruptTest {

  @TempDir Path dir;

  /** Two strategies, 4 blocks of 2 s each: 16 s of blocks after a short warm-up, so 5 s in is mid-run. */
  @Test
  void keyGenOnSigintWritesTheBlocksThatEndedAndExits130() throws Exception {
    Path plan = Files.writeString(dir.resolve("interrupted.conf"), String.join("\n", "connection = embedded",
        "strategies = [seq, uuid4]", "users = 2", "preseed_rows = 50", "block = 2s", "blocks = 4", "warmup = 100",
        "order_seed = 7", ""));
    ForkedGatling g = ForkedGatling.start("KeyGenSimulation", dir.resolve("results"), props("-Dsequela.keygen.plan=" + plan));
    List<ProcessHandle> server = fiveSecondsIn(g, "KeyGenSimulation");
    Path folder = interrupt(g, "INT", server, "KeyGenSimulation");

    JsonNode json = new ObjectMapper().readTree(folder.resolve("key-generation.json").toFile());
    String stopped = json.path("stopped").asText();
    int blocks = json.get("blocks").size();
    System.out.println("KeyGenQueryBenchInterruptTest: " + stopped);
    assertThat(stopped).as(json.toString()).startsWith("interrupted (SIGINT) after " + blocks + " of 8 measured blocks");
    assertThat(blocks).as("5 s in: some blocks ended, not all").isBetween(0, 7);
    assertThat(Files.readString(folder.resolve("key-generation.html"))).contains("This run was interrupted (SIGINT)");
    assertThat(history("KeyGenSimulation")).contains(",interrupted,");
  }

  /** One worker over the default query file 100 times (20,000 queries): 5 s in is mid-run. */
  @Test
  void queryBenchOnSigtermWritesTheQueriesThatRanAndExits130() throws Exception {
    List<String> lines;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("querybench/query_params.csv")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    List<String> many = new ArrayList<>(List.of(lines.get(0)));
    for (int i = 0; i < 100; i++) {
      many.addAll(lines.subList(1, lines.size()));
    }
    Path queries = Files.write(dir.resolve("queries.csv"), many);
    ForkedGatling g = ForkedGatling.start("QueryBenchSimulation", dir.resolve("results"),
        props("-Dsequela.querybench.queries=" + queries, "-Dsequela.querybench.workers=1"));
    List<ProcessHandle> server = fiveSecondsIn(g, "QueryBenchSimulation");
    Path folder = interrupt(g, "TERM", server, "QueryBenchSimulation");

    JsonNode json = new ObjectMapper().readTree(folder.resolve("query-stats.json").toFile());
    long ran = json.get("queries").asLong() + json.get("errors").asLong();
    System.out.println("KeyGenQueryBenchInterruptTest: " + json.path("stopped").asText());
    assertThat(ran).as("5 s in: some queries ran, not all").isBetween(1L, 19_999L);
    assertThat(json.path("stopped").asText()).as(json.toString())
        .startsWith("interrupted (SIGTERM) after " + ran + " of 20000 planned queries");
    assertThat(Files.readString(folder.resolve("query-stats.html"))).contains("This run was interrupted (SIGTERM)");
    assertThat(history("QueryBenchSimulation")).contains(",interrupted,");
  }

  private List<String> props(String... more) {
    List<String> p = new ArrayList<>(List.of("-Dsequela.embedded.dir=" + dir.resolve("pg"),
        "-Dsequela.history.dir=" + dir.resolve("history")));
    p.addAll(List.of(more));
    return p;
  }

  /** Waits until Gatling has started the simulation, then 5 s more; returns the server's processes. */
  private List<ProcessHandle> fiveSecondsIn(ForkedGatling g, String simulation) throws Exception {
    for (int i = 0; i < 1800 && g.isAlive() && !g.output().contains("Simulation " + simulation + " started"); i++) {
      Thread.sleep(100);
    }
    assertThat(g.output()).as(g.output()).contains("Simulation " + simulation + " started");
    Thread.sleep(5_000);
    assertThat(g.isAlive()).as(g.output()).isTrue();
    List<ProcessHandle> server = Postmaster.processes(Postmaster.pid(dir.resolve("pg")).orElseThrow());
    assertThat(server).as("the embedded server runs").isNotEmpty();
    return server;
  }

  /** Signals the JVM, asserts exit 130 in time, the server stopped and the JUnit file; returns the run folder. */
  private Path interrupt(ForkedGatling g, String signal, List<ProcessHandle> server, String simulation) throws Exception {
    long t0 = System.nanoTime();
    new ProcessBuilder("kill", "-" + signal, Long.toString(g.process().pid())).start().waitFor();
    int exit = g.waitFor(120);
    double seconds = (System.nanoTime() - t0) / 1e9;
    String out = g.output();
    System.out.printf("KeyGenQueryBenchInterruptTest: %s SIG%s: exit %d after %.1f s%n", simulation, signal, exit, seconds);
    assertThat(exit).as(out).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(seconds).as(out).isLessThan(Interruption.DEADLINE.toSeconds() + 10);
    assertThat(Postmaster.allEnd(server, 10)).as("server stopped: " + out).isTrue();
    assertThat(out).contains("sequela: interrupted (SIG" + signal).doesNotContain("\tat ");
    Path folder = GatlingRun.latest(dir.resolve("results"), simulation).orElseThrow().folder();
    assertThat(folder.resolve("sequela-assertions.xml")).as(out).exists();
    return folder;
  }

  /** Every history file of the simulation, joined. */
  private String history(String simulation) throws Exception {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(dir.resolve("history").resolve(simulation))) {
      for (Path f : files.toList()) {
        all.append(Files.readString(f));
      }
    }
    return all.toString();
  }
}

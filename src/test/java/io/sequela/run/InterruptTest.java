package io.sequela.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.gatlingrun.GatlingRun;
import io.sequela.testing.ForkedGatling;
import io.sequela.testing.Postmaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ctrl-C, SIGTERM or Maven gone, 5 s into a SeqOrder run on an embedded server of its own, in a forked JVM as Maven
 * forks it: the run stops its load, leaves sequence-gaps.html|json, sequela-assertions.xml and a history row with status
 * interrupted for what ran, stops its server and exits 130.
 */
@Tag("slow")
class InterruptTest {

  @TempDir Path dir;

  private ForkedGatling start(boolean underShell) throws Exception {
    String json = "{ \"tests\": [ { \"test_name\": \"interrupted\", \"scenarii\": ["
        + "{ \"node_number\": 1, \"iterations\": 100000, \"interval\": 0.005, \"users\": 2, \"connection\": \"embedded\" } ] } ] }";
    Path plan = Files.writeString(dir.resolve("plan.json"), json);
    List<String> props = List.of("-Dsequela.plan=" + plan, "-Dsequela.embedded.dir=" + dir.resolve("pg"),
        "-Dsequela.history.dir=" + dir.resolve("history"));
    return underShell ? ForkedGatling.startUnderShell("SeqOrderSimulation", dir.resolve("results"), props)
        : ForkedGatling.start("SeqOrderSimulation", dir.resolve("results"), props);
  }

  /** Waits until the load runs (Gatling's first console summary), then 5 s more; returns the server's pid. */
  private long fiveSecondsIntoTheLoad(ForkedGatling g) throws Exception {
    for (int i = 0; i < 1200 && g.isAlive() && !g.output().contains("interrupted ORDER node 1"); i++) {
      Thread.sleep(100);
    }
    assertThat(g.output()).as(g.output()).contains("interrupted ORDER node 1");
    Thread.sleep(5_000);
    assertThat(g.isAlive()).as(g.output()).isTrue();
    OptionalLong pid = Postmaster.pid(dir.resolve("pg"));
    assertThat(pid).as("the embedded server runs").isPresent();
    return pid.getAsLong();
  }

  private void assertWhatRanIsWritten(String out, long server, String reason) throws Exception {
    assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false)).as("server pid " + server + " stopped: " + out)
        .isFalse();
    assertThat(out).contains("sequela: interrupted (" + reason).doesNotContain("\tat ");
    Path folder = GatlingRun.latest(dir.resolve("results"), "SeqOrderSimulation").orElseThrow().folder();
    assertThat(folder.resolve("sequence-gaps.html")).as(out).exists();
    assertThat(folder.resolve("sequence-gaps.json")).content().contains("interrupted (" + reason);
    assertThat(folder.resolve("sequela-assertions.xml")).exists();
    assertThat(Files.readString(dir.resolve("history/SeqOrderSimulation/interrupted.csv"))).as(out).contains(",interrupted,");
  }

  @ParameterizedTest
  @ValueSource(strings = {"INT", "TERM"})
  void aSignalFiveSecondsInEndsTheRunWith130AndLeavesWhatRan(String signal) throws Exception {
    ForkedGatling g = start(false);
    long server = fiveSecondsIntoTheLoad(g);
    long t0 = System.nanoTime();
    new ProcessBuilder("kill", "-" + signal, Long.toString(g.process().pid())).start().waitFor();
    int exit = g.waitFor(120);
    double seconds = (System.nanoTime() - t0) / 1e9;
    String out = g.output();
    System.out.printf("InterruptTest: SIG%s: exit %d after %.1f s%n", signal, exit, seconds);
    assertThat(exit).as(out).isEqualTo(ExitCodes.INTERRUPTED);
    // 5 s on an idle machine; generous here, the JVM's own bound is Interruption.DEADLINE
    assertThat(seconds).as(out).isLessThan(Interruption.DEADLINE.toSeconds() + 10);
    assertWhatRanIsWritten(out, server, "SIG" + signal);
  }

  @Test
  void theForkedJvmEndsWhenItsParentIsGone() throws Exception {
    ForkedGatling g = start(true);
    ProcessHandle gatling = g.gatling();
    long server = fiveSecondsIntoTheLoad(g);
    long t0 = System.nanoTime();
    g.process().destroyForcibly();
    for (int i = 0; i < 1200 && gatling.isAlive(); i++) {
      Thread.sleep(100);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    g.waitFor(10);
    String out = g.output();
    System.out.printf("InterruptTest: parent killed: Gatling JVM gone after %.1f s%n", seconds);
    assertThat(gatling.isAlive()).as(out).isFalse();
    assertThat(seconds).as(out).isLessThan(Interruption.DEADLINE.toSeconds() + 10);
    assertWhatRanIsWritten(out, server, "its parent process");
  }
}

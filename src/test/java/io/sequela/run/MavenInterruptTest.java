package io.sequela.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.gatlingrun.GatlingRun;
import io.sequela.testing.ForkedGatling;
import io.sequela.testing.Postmaster;
import io.sequela.testing.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 28: Ctrl-C through Maven's pid alone, as a supervisor that signals one pid sends it. {@code mvn gatling:test}
 * with a results folder, history folder and embedded data directory of its own; SIGINT to Maven's JVM alone 5 s after
 * the simulation started. Maven exits at once (130: the plugin neither forwards the signal nor waits); the Gatling JVM
 * it forked sees its parent gone and ends the run as an interrupt does: sequence-gaps.html|json,
 * sequela-assertions.xml, a history row with status interrupted, and no server left on its data directory.
 */
@Slow
class MavenInterruptTest {

  @TempDir Path dir;

  @Test
  void sigintToMavenAloneEndsTheForkedRunWithWhatRanWritten() throws Exception {
    String json = "{ \"tests\": [ { \"test_name\": \"mvn_interrupted\", \"scenarii\": ["
        + "{ \"node_number\": 1, \"iterations\": 100000, \"interval\": 0.005, \"users\": 2, \"connection\": \"embedded\" } ] } ] }";
    Path plan = Files.writeString(dir.resolve("plan.json"), json);
    Path pg = dir.resolve("pg");
    Path results = dir.resolve("results");
    ForkedGatling mvn = ForkedGatling.startMaven("SeqOrderSimulation", List.of("-Dsequela.plan=" + plan,
        "-Dsequela.results.dir=" + results, "-Dsequela.history.dir=" + dir.resolve("history"), "-Dsequela.embedded.dir=" + pg));
    for (int i = 0; i < 3000 && mvn.isAlive() && !mvn.output().contains("Simulation SeqOrderSimulation started"); i++) {
      Thread.sleep(100);
    }
    assertThat(mvn.output()).as(mvn.output()).contains("Simulation SeqOrderSimulation started");
    Thread.sleep(5_000);
    ProcessHandle gatling = mvn.gatling();
    List<ProcessHandle> server = Postmaster.processes(Postmaster.pid(pg).orElseThrow());
    assertThat(server).as("the embedded server runs").isNotEmpty();

    long t0 = System.nanoTime();
    assertThat(new ProcessBuilder("kill", "-INT", Long.toString(mvn.process().pid())).start().waitFor()).isZero();
    int mavenExit = mvn.waitFor(60);
    double mavenSeconds = (System.nanoTime() - t0) / 1e9;
    for (int i = 0; i < 600 && gatling.isAlive(); i++) {
      Thread.sleep(100);
    }
    double gatlingSeconds = (System.nanoTime() - t0) / 1e9;
    assertThat(Postmaster.allEnd(server, 10)).as("no server left on " + pg).isTrue();
    String out = mvn.output();
    System.out.printf("MavenInterruptTest: mvn exit %d after %.1f s; the forked Gatling JVM gone after %.1f s%n",
        mavenExit, mavenSeconds, gatlingSeconds);
    assertThat(mavenExit).as(out).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(gatling.isAlive()).as("the forked Gatling JVM ends: " + out).isFalse();
    assertThat(gatlingSeconds).as(out).isLessThan(Interruption.DEADLINE.toSeconds() + 10);
    assertThat(out).contains("sequela: interrupted (its parent process").doesNotContain("\tat ");
    Path folder = GatlingRun.latest(results, "SeqOrderSimulation").orElseThrow().folder();
    assertThat(folder.resolve("sequence-gaps.html")).as(out).exists();
    assertThat(folder.resolve("sequence-gaps.json")).content().contains("interrupted (its parent process");
    assertThat(folder.resolve("sequela-assertions.xml")).exists();
    assertThat(Files.readString(dir.resolve("history/SeqOrderSimulation/mvn_interrupted.csv"))).as(out)
        .contains(",interrupted,");
    assertThat(Postmaster.pid(pg)).as("postmaster.pid removed: the server was stopped, not killed").isEmpty();
  }
}

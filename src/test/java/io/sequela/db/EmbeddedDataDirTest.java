package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.testing.ForkedJvm;
import io.sequela.testing.HoldEmbedded;
import io.sequela.testing.ShowServerSetting;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import io.sequela.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run per embedded data directory, each server in a JVM of its own as runs are: a second run never empties
 * or starts a live run's directory, and a server a killed run left is stopped, not waited for.
 */
@Slow
class EmbeddedDataDirTest {

  @TempDir Path dir;

  /** A JVM holding the embedded server on {@code pg}, started and ready. */
  private Process hold(Path pg) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), ForkedJvm.PREFS, "-Dsequela.embedded.dir=" + pg,
        "-Dsequela.embedded.fresh=true", HoldEmbedded.class.getName()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.append(line).append('\n');
      if (line.equals("ready")) {
        return p;
      }
    }
    throw new AssertionError("the holding JVM did not start its server: " + seen);
  }

  private static ForkedJvm.Outcome second(Path pg, boolean fresh) throws Exception {
    return ForkedJvm.run(List.of("-Dsequela.embedded.dir=" + pg, "-Dsequela.embedded.fresh=" + fresh),
        ShowServerSetting.class.getName(), "synchronous_commit");
  }

  @Test
  void aFreshSecondRunFailsInOneLineNamingTheLiveRunAndLeavesItsDataAlone() throws Exception {
    Path pg = dir.resolve("pg");
    Process first = hold(pg);
    try {
      long serverPid = DataDirLock.postmasterPid(pg).orElseThrow();
      long t0 = System.nanoTime();
      ForkedJvm.Outcome o = second(pg, true);
      assertThat(o.exitCode()).as(o.output()).isNotZero();
      assertThat((System.nanoTime() - t0) / 1e9).as("seconds to fail").isLessThan(30);
      assertThat(o.output()).contains("data directory " + pg.toAbsolutePath() + " is in use: the run of pid " + first.pid()
          + " holds it").contains("its server is pid " + serverPid).doesNotContain("Gave up waiting");
      // the live run's server and rows are untouched
      assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive)).contains(true);
      assertThat(DataDirLock.postmasterPid(pg)).isEqualTo(OptionalLong.of(serverPid));
      assertThat(pg.resolve("PG_VERSION")).exists();
    } finally {
      first.getOutputStream().close();
      assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(first.exitValue()).isZero();
  }

  @Test
  void aServerLeftByAKilledRunIsStoppedAndTheNextRunStartsAtOnce() throws Exception {
    Path pg = dir.resolve("pg");
    Process first = hold(pg);
    long leftPid = DataDirLock.postmasterPid(pg).orElseThrow();
    first.destroyForcibly(); // kill -9: no shutdown hook stops the server
    first.waitFor(30, TimeUnit.SECONDS);
    assertThat(ProcessHandle.of(leftPid).map(ProcessHandle::isAlive)).as("the server outlives its run").contains(true);
    long t0 = System.nanoTime();
    ForkedJvm.Outcome o = second(pg, false);
    assertThat(o.exitCode()).as(o.output()).isZero();
    assertThat((System.nanoTime() - t0) / 1e9).as("seconds to start, not zonky's 60 s wait").isLessThan(40);
    assertThat(o.output()).contains("stopping server pid " + leftPid).contains("synchronous_commit=on");
    assertThat(ProcessHandle.of(leftPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void aLiveProcessThatIsNoServerOfOursIsNamedNotWaitedFor() throws Exception {
    Path pg = Files.createDirectories(dir.resolve("pg"));
    // postmaster.pid naming a live process that is not postgres: this test's own JVM
    long me = ProcessHandle.current().pid();
    Files.writeString(pg.resolve("postmaster.pid"), me + "\n" + pg + "\n");
    long t0 = System.nanoTime();
    ForkedJvm.Outcome o = second(pg, true);
    assertThat(o.exitCode()).as(o.output()).isNotZero();
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(30);
    List<String> lines = o.output().lines().filter(l -> l.contains("postmaster.pid names pid " + me)).toList();
    assertThat(lines).as(o.output()).hasSize(1);
    assertThat(lines.get(0)).contains(pg.toAbsolutePath().toString());
    assertThat(pg.resolve("postmaster.pid")).as("fresh=true deleted nothing").exists();
  }
}

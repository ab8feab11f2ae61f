package io.sequela.run;

import io.sequela.keygen.KeyGenRun;
import io.sequela.querybench.QueryBenchRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import io.sequela.testing.ForkedJvm;
import io.sequela.testing.Slow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mistyped -Dsequela.* key stops a simulation before any database work: one line naming the key and the
 * nearest known one, exit 64. The main job runs in its own JVM, as the Maven plugin forks it with the -D
 * properties passed on; KeyGen and QueryBench build their runs the same way (SimulationExit around prepare()).
 */
@Slow
class UnknownSettingExitTest {

  private static final String KEY = "sequela.embeded.fresh";
  private static final String MESSAGE = "-D" + KEY + ": unknown setting; did you mean sequela.embedded.fresh?";

  @TempDir Path dir;

  @Test
  void aMistypedSettingStopsTheMainJobWithOneLine() throws Exception {
    Path results = dir.resolve("results");
    ForkedJvm.Outcome o = ForkedJvm.run(List.of("-Dsequela.results.dir=" + results, "-Dsequela.embedded.dir=" + dir.resolve("pg"),
        "-D" + KEY + "=true"), "io.gatling.app.Gatling", "-s", "SeqOrderSimulation", "-rf", results.toString());
    assertThat(o.exitCode()).as(o.output()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(o.output().lines().filter(l -> l.contains("embeded"))).as(o.output()).containsExactly("sequela: " + MESSAGE);
    assertThat(o.output()).as("no stack trace").doesNotContain("SequelaException").doesNotContain("\tat ");
    assertThat(dir.resolve("pg")).as("no database work").doesNotExist();
  }

  @Test
  void keyGenAndQueryBenchRefuseItBeforeAnyDatabaseWork() {
    System.setProperty(KEY, "true");
    try {
      assertThatThrownBy(KeyGenRun::prepare).isInstanceOf(SequelaException.InvalidInput.class).hasMessage(MESSAGE);
      assertThatThrownBy(QueryBenchRun::prepare).isInstanceOf(SequelaException.InvalidInput.class).hasMessage(MESSAGE);
    } finally {
      System.clearProperty(KEY);
    }
  }
}

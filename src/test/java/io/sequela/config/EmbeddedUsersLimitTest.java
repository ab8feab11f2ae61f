package io.sequela.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.testing.ForkedGatling;
import io.sequela.testing.ForkedJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.sequela.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan asking more users of the embedded server than it has connections is bad input, found before any
 * database work (the run used to start, meet "too many clients" and end 92 s later as an unreachable database).
 */
@Slow
class EmbeddedUsersLimitTest {

  @TempDir Path dir;

  private Path plan(int users) throws Exception {
    return Files.writeString(dir.resolve("plan.json"), "{ \"tests\": [ { \"test_name\": \"many\", \"scenarii\": [\n"
        + "  { \"node_number\": 1, \"iterations\": 10, \"interval\": 0, \"connection\": \"embedded\", \"users\": " + users + " } ] } ] }");
  }

  @Test
  void theSettingsNameTheFieldAndTheServersLimit() throws Exception {
    String plan = plan(100000).toString();
    com.typesafe.config.Config c = com.typesafe.config.ConfigFactory.parseMap(java.util.Map.of("sequela.plan", plan))
        .withFallback(Settings.referenceDefaults()).resolve();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SeqOrderSettings.from(c.getConfig("sequela")))
        .isInstanceOf(io.sequela.SequelaException.InvalidInput.class)
        .hasMessage("plan.json:2: tests[0].scenarii[0].users: must be at most 190 (the embedded server's max_connections 200 "
            + "minus 10 reserved), got 100000");
  }

  @Test
  void aHundredThousandUsersOnTheEmbeddedTargetExit64InOneLineBeforeAnyDatabaseWork() throws Exception {
    long t0 = System.nanoTime();
    ForkedJvm.Outcome o = ForkedGatling.run("SeqOrderSimulation", dir.resolve("results"), List.of("-Dsequela.plan=" + plan(100000),
        "-Dsequela.embedded.dir=" + dir.resolve("pg"), "-Dsequela.history.dir=" + dir.resolve("history")), 120);
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(o.exitCode()).as(o.output()).isEqualTo(64);
    List<String> sequelaLines = o.output().lines().filter(l -> l.startsWith("sequela:")).toList();
    assertThat(sequelaLines).as(o.output()).containsExactly("sequela: plan.json:2: tests[0].scenarii[0].users: must be at most 190 "
        + "(the embedded server's max_connections 200 minus 10 reserved), got 100000");
    assertThat(o.output()).doesNotContain("\tat ").doesNotContain("too many clients");
    assertThat(dir.resolve("pg")).as("no database work: the embedded server never started").doesNotExist();
    // 7 s on a quiet machine, nearly all of it the Gatling JVM's start; 12 s seen on two shared busy cores. The run
    // this replaces took 92 s: the bound tells the two apart without failing on a loaded machine
    assertThat(seconds).as("seconds to exit").isLessThan(30);
  }
}

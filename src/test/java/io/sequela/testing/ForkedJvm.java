package io.sequela.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A main class run in its own JVM on the test class path, as the Maven plugins and the CLI run sequela. */
public final class ForkedJvm {

  /** @param exitCode the JVM's exit status @param output stdout and stderr together */
  public record Outcome(int exitCode, String output) {}

  /**
   * A preferences folder of the forked JVMs' own: parallel JVMs sharing ~/.java/.userPrefs print a
   * {@code java.util.prefs} "Couldn't get file lock" warning that tests checking the output for "Exception" would catch.
   */
  public static final String PREFS = "-Djava.util.prefs.userRoot="
      + Path.of(System.getProperty("java.io.tmpdir"), "sequela-test-prefs-" + ProcessHandle.current().pid());

  /** What every JVM running Gatling 3.13 or later needs (the Maven plugin adds it to the JVM it forks). */
  public static final String ADD_OPENS = "--add-opens=java.base/java.lang=ALL-UNNAMED";

  private ForkedJvm() {}

  /**
   * Runs {@code mainClass} with {@code jvmArgs} (e.g. {@code -Dsequela.x=y}) and {@code args}; waits up to 120 s.
   */
  public static Outcome run(List<String> jvmArgs, String mainClass, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", ADD_OPENS, "-cp", System.getProperty("java.class.path"), PREFS));
    cmd.addAll(jvmArgs);
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(mainClass + " finished").isTrue();
    return new Outcome(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}

package io.sequela.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Gatling simulation in a JVM of its own, as the Maven plugin forks it, started without waiting so that a
 * test can act on the database while it runs (kill a session, stop the server). Its output is collected.
 */
public final class ForkedGatling {

  private final Process process;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final Thread reader;
  private Path log;

  private ForkedGatling(Process process) {
    this.process = process;
    this.reader = new Thread(() -> copy(process.getInputStream()), "forked-gatling-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code simulation} with {@code -D} properties, results under {@code results}.
   *
   * @param properties e.g. {@code -Dsequela.plan=/tmp/plan.json}
   */
  public static ForkedGatling start(String simulation, Path results, List<String> properties) throws IOException {
    return start(simulation, results, properties, List.of());
  }

  /**
   * As {@link #start(String, Path, List)}, with more of Gatling's own options.
   *
   * @param gatlingOptions e.g. {@code -nr} (no report, as the gatling-operator's runners do)
   */
  public static ForkedGatling start(String simulation, Path results, List<String> properties, List<String> gatlingOptions)
      throws IOException {
    return new ForkedGatling(new ProcessBuilder(command(simulation, results, properties, gatlingOptions))
        .redirectErrorStream(true).start());
  }

  /**
   * As {@link #start}, the JVM a child of a shell that waits for it (as Maven waits for the JVM it forks): killing the
   * shell ({@link #process()}) leaves the JVM without its parent; {@link #gatling()} is the JVM.
   */
  public static ForkedGatling startUnderShell(String simulation, Path results, List<String> properties) throws IOException {
    // the JVM writes to a file, not to the shell's pipe: once the shell is gone the JDK closes its side of that pipe
    // (the process reaper drains and closes it), and what the JVM prints after would be lost
    Path log = Files.createTempFile("forked-gatling", ".log");
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", "\"$@\" > \"$0\" 2>&1 & wait", log.toString()));
    cmd.addAll(command(simulation, results, properties, List.of()));
    ForkedGatling g = new ForkedGatling(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    g.log = log;
    return g;
  }

  /**
   * {@code simulation} run as a user runs it: {@code mvn -B -o -q gatling:test} on this project's pom, the
   * {@code -D} properties on Maven's command line (the plugin hands them to the JVM it forks, after the pom's own).
   * {@link #process()} is Maven's JVM, {@link #gatling()} the Gatling JVM it forked.
   *
   * @param properties e.g. {@code -Dsequela.results.dir=/tmp/results}
   */
  public static ForkedGatling startMaven(String simulation, List<String> properties) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-o", "-q", "-f", Path.of("pom.xml").toAbsolutePath().toString(),
        "gatling:test", "-Dgatling.simulationClass=" + simulation));
    cmd.addAll(properties);
    // Maven and the JVM it forks write to a file: the forked JVM may go on writing once Maven is gone (see
    // startUnderShell)
    Path log = Files.createTempFile("maven-gatling", ".log");
    ForkedGatling g = new ForkedGatling(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start());
    g.log = log;
    return g;
  }

  private static List<String> command(String simulation, Path results, List<String> properties,
      List<String> gatlingOptions) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", ForkedJvm.ADD_OPENS, "-cp", System.getProperty("java.class.path"), ForkedJvm.PREFS,
        "-Dsequela.results.dir=" + results));
    cmd.addAll(properties);
    cmd.addAll(List.of("io.gatling.app.Gatling", "-s", simulation, "-rf", results.toString()));
    cmd.addAll(gatlingOptions);
    return cmd;
  }

  /** The process started: the JVM, the shell of {@link #startUnderShell} or Maven of {@link #startMaven}. */
  public ProcessHandle process() {
    return process.toHandle();
  }

  /**
   * The Gatling JVM: the process started, or the child of the shell or of Maven (waiting up to 10 s for it to start).
   */
  public ProcessHandle gatling() throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      var java = process.toHandle().children().filter(c -> c.info().command().map(x -> x.endsWith("java")).orElse(false)).findFirst();
      if (java.isPresent()) {
        return java.get();
      }
      if (process.info().command().map(x -> x.endsWith("java")).orElse(false)) {
        return process.toHandle();
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no Gatling JVM under pid " + process.pid());
  }

  /**
   * Runs {@code simulation} to its end, as {@link #start}, and fails the test when it does not end within
   * {@code seconds}.
   *
   * @return its exit status and everything it printed
   */
  public static ForkedJvm.Outcome run(String simulation, Path results, List<String> properties, long seconds)
      throws IOException, InterruptedException {
    ForkedGatling g = start(simulation, results, properties);
    int exit = g.waitFor(seconds);
    assertThat(exit).as("Gatling finished within " + seconds + " s: " + g.output()).isNotEqualTo(-1);
    return new ForkedJvm.Outcome(exit, g.output());
  }

  private void copy(InputStream in) {
    byte[] buf = new byte[8192];
    try {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        synchronized (output) {
          output.write(buf, 0, n);
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** True while the JVM runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits for the JVM to end.
   *
   * @return its exit status, or -1 (and the JVM killed) when it did not end within {@code seconds}
   */
  public int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    reader.join(5_000);
    return process.exitValue();
  }

  /** Everything the JVM printed so far, stdout and stderr together. */
  public String output() {
    String piped;
    synchronized (output) {
      piped = output.toString(StandardCharsets.UTF_8);
    }
    try {
      return log == null ? piped : piped + Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return piped + "(" + log + " unreadable: " + e.getMessage() + ")";
    }
  }
}

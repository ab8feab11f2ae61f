package io.sequela.gatlingrun;

import io.sequela.SequelaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Gatling 3.11's report generation over the logs of one folder ({@code -ro}: every {@code *.log} in it is
 * read, which is how several injectors' simulation.logs become one report; Gatling 3.12 dropped this). It
 * runs in a JVM of its own started with Gatling's launcher class by name, so the library needs no Gatling
 * on its class path; the class path comes from the build (target/gatling-classpath.txt). The Maven
 * equivalent is {@code mvn gatling:test -Dgatling.reportsOnly=<folder name>}.
 */
public final class GatlingReports {

  /** Gatling's launcher (gatling-app). */
  static final String LAUNCHER = "io.gatling.app.Gatling";
  /** Gatling's exit status when the report was written but an assertion failed. */
  public static final int ASSERTIONS_FAILED = 2;
  private static final long TIMEOUT_MINUTES = 30;
  private static final String LOGGING = """
      <configuration>
        <appender name="console" class="ch.qos.logback.core.ConsoleAppender">
          <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n</pattern></encoder>
        </appender>
        <root level="WARN"><appender-ref ref="console"/></root>
      </configuration>
      """;

  private GatlingReports() {}

  /**
   * Generates the HTML report of {@code resultsDir/folderName} from the logs in it; Gatling's console output
   * goes to this JVM's.
   *
   * @param resultsDir the folder holding the run folder
   * @param folderName the run folder's name
   * @param classpath a class path holding gatling-charts-highcharts 3.11 and its dependencies
   * @return Gatling's exit status: 0, or {@link #ASSERTIONS_FAILED} (the report is written in both cases)
   * @throws SequelaException when Gatling cannot be started or fails otherwise
   */
  public static int generate(Path resultsDir, String folderName, String classpath) {
    Path logging = null;
    try {
      // Gatling's jars bring no logging configuration: without one, logback prints every DEBUG line
      logging = Files.writeString(Files.createTempFile("sequela-gatling-report-", ".xml"), LOGGING);
      List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
          "-Dgatling.data.enableAnalytics=false", "-Dlogback.configurationFile=" + logging, "-cp", classpath, LAUNCHER,
          "-ro", folderName, "-rf", resultsDir.toAbsolutePath().toString());
      Process p = new ProcessBuilder(cmd).inheritIO().start();
      if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new SequelaException("Gatling's report generation for " + folderName + " did not end within " + TIMEOUT_MINUTES + " min");
      }
      int status = p.exitValue();
      if (status != 0 && status != ASSERTIONS_FAILED) {
        throw new SequelaException("Gatling's report generation for " + folderName + " failed (exit status " + status
            + "; see its output above)");
      }
      return status;
    } catch (IOException e) {
      throw new SequelaException("cannot start Gatling's report generation: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SequelaException("interrupted while Gatling generated the report of " + folderName);
    } finally {
      if (logging != null) {
        logging.toFile().delete();
      }
    }
  }
}

package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.testing.DyingDatabase;
import io.sequela.testing.ForkedJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.sequela.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the console of a run (the test class path's logback-test.xml, as mvn gatling:test has it) shows when a
 * database goes away under its pool: no HikariCP line and no stack trace; with -Dsequela.trace=true they go to
 * target/sequela-trace.log.
 */
@Slow
class DyingDatabaseConsoleTest {

  private static final Path TRACE = Path.of("target", "sequela-trace.log");

  @TempDir Path dir;

  @Test
  void hikariCpsStackTracesStayOffTheConsoleAndGoToTheTraceFileOnRequest() throws Exception {
    Files.deleteIfExists(TRACE);
    ForkedJvm.Outcome quiet = ForkedJvm.run(List.of(), DyingDatabase.class.getName(), dir.resolve("pg1").toString());
    assertThat(quiet.exitCode()).as(quiet.output()).isZero();
    assertThat(quiet.output()).contains("done").doesNotContain("\tat ").doesNotContain("HikariPool").doesNotContain("PoolBase")
        .doesNotContain("ProxyConnection");
    assertThat(TRACE).as("no trace file unless asked for").doesNotExist();

    ForkedJvm.Outcome traced = ForkedJvm.run(List.of("-Dsequela.trace=true"), DyingDatabase.class.getName(),
        dir.resolve("pg2").toString());
    assertThat(traced.exitCode()).as(traced.output()).isZero();
    assertThat(traced.output()).doesNotContain("\tat ");
    assertThat(Files.readString(TRACE)).contains("com.zaxxer.hikari").contains("\tat ");
  }
}

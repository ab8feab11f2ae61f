package io.sequela.querybench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.sequela.stats.QueryStats;
import io.sequela.db.CpuUsageQuery;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QueryBenchRun on the embedded PostgreSQL with the default data set: the assignment setting reaches the
 * queues and the statistics, and a query that fails is counted, not fatal.
 */
class QueryBenchRunAssignmentTest {

  @TempDir
  Path dir;

  @AfterEach
  void clear() {
    for (String k : new String[] {"queries", "workers", "assignment"}) {
      System.clearProperty("sequela.querybench." + k);
    }
    System.clearProperty("sequela.results.dir");
  }

  @Test
  void balancedOnTenHostsAndFiveWorkersKeepsAllBusyAndCountsAFailedQuery() throws Exception {
    StringBuilder csv = new StringBuilder("hostname,start_time,end_time\n");
    for (int i = 0; i < 200; i++) {
      csv.append(String.format("host_%06d,2017-01-01 %02d:10:00,2017-01-01 %02d:10:00%n", i % 10, i % 23, i % 23 + 1));
    }
    System.setProperty("sequela.querybench.queries", Files.writeString(dir.resolve("q.csv"), csv).toString());
    System.setProperty("sequela.querybench.workers", "5");
    System.setProperty("sequela.querybench.assignment", "balanced");
    System.setProperty("sequela.results.dir", dir.resolve("gatling").toString());

    QueryBenchRun run = QueryBenchRun.prepare();
    assertThat(run.queues().assignment()).isEqualTo(Assignment.BALANCED);
    assertThat(run.queues().hosts().values()).hasSize(5).allSatisfy(h -> assertThat(h).hasSize(2));

    try (HikariDataSource pool = new HikariDataSource(run.poolConfig()); Connection c = pool.getConnection()) {
      assertThat(rows(c, "host_000004", "2017-01-01 10:00:00")).isEqualTo(61);
      // the cast of a bad timestamp fails in executeQuery: the caller sees the error, the run counts it
      assertThatThrownBy(() -> rows(c, "host_000004", "not a time")).isInstanceOf(SQLException.class);
    }
    assertThat(run.errors()).isEqualTo(1);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    QueryStats stats = run.finish(new PrintStream(out, true, StandardCharsets.UTF_8)).orElseThrow();
    assertThat(stats.assignment()).isEqualTo("balanced");
    assertThat(stats.workersRequested()).isEqualTo(5);
    assertThat(stats.workersBusy()).isEqualTo(5);
    assertThat(stats.queries()).isEqualTo(1);
    assertThat(stats.errors()).isEqualTo(1);
    int owner = run.queues().workerFor("host_000004");
    assertThat(stats.workers().get(owner - 1).queries()).isEqualTo(1);
    // one worker did all the measured work: busiest / (total / 5) = 5
    assertThat(stats.imbalance()).isEqualTo(5.0);
    assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("errors \\(failed queries\\) +1");
  }

  /** Runs the benchmark query the way the plugin does (a prepared statement, all rows read). */
  private static long rows(Connection c, String host, String start) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(CpuUsageQuery.DATE_TRUNC.jdbcSql())) {
      ps.setString(1, host);
      ps.setString(2, start);
      ps.setString(3, "2017-01-01 11:00:00");
      long n = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          n++;
        }
      }
      return n;
    }
  }

  @Test
  void anUnknownAssignmentIsRefusedBeforeAnyDatabaseWork() {
    System.setProperty("sequela.querybench.target", "jdbc:postgresql://127.0.0.1:1/none");
    System.setProperty("sequela.querybench.assignment", "even");
    try {
      assertThatThrownBy(QueryBenchRun::prepare).isInstanceOf(io.sequela.SequelaException.InvalidInput.class)
          .hasMessage("sequela.querybench.assignment: must be rendezvous, balanced or balanced-queries, got 'even'");
    } finally {
      System.clearProperty("sequela.querybench.target");
    }
  }
}

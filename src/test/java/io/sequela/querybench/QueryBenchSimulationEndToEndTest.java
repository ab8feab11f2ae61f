package io.sequela.querybench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.db.CpuUsageQuery;
import io.sequela.db.Target;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.run.AfterReport;
import io.sequela.testing.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the real QueryBenchSimulation in-process through Gatling (as {@code mvn gatling:test} does, minus
 * the fork) on the embedded PostgreSQL with the default data set and the default CSV, then checks
 * query-stats.json against plain JDBC and the rendezvous assignment, and the page in the report's menu.
 */
@Slow
class QueryBenchSimulationEndToEndTest {

  @Test
  void defaultCsvOnEmbeddedPostgres() throws Exception {
    Path results = Path.of("target", "gatling-e2e").toAbsolutePath();
    System.setProperty("sequela.results.dir", results.toString());
    System.setProperty("sequela.querybench.workers", "4");
    int status;
    try {
      status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {"-s", "QueryBenchSimulation", "-rf", results.toString()});
    } finally {
      System.clearProperty("sequela.results.dir");
      System.clearProperty("sequela.querybench.workers");
    }
    assertThat(status).isZero();
    // Gatling returned without exiting the JVM: add the pages its exit would have added
    AfterReport.addPagesNow();

    Path run = GatlingRun.latest(results, "QueryBenchSimulation").orElseThrow().folder();
    assertThat(run.resolve("index.html")).exists();
    assertThat(run.resolve("query-stats.html")).exists();
    assertThat(Files.readString(run.resolve("index.html"))).contains("href=\"query-stats.html\"");
    JsonNode json = new ObjectMapper().readTree(run.resolve("query-stats.json").toFile());

    List<QueryParams> queries = QueryParamsCsv.readResource("querybench/query_params.csv");
    assertThat(json.get("queries").asInt()).isEqualTo(queries.size());
    assertThat(json.get("rows_returned").asLong()).isEqualTo(rowsByPlainJdbc(queries));
    assertThat(json.get("min_ms").asDouble()).isPositive()
        .isLessThanOrEqualTo(json.get("median_ms").asDouble());
    assertThat(json.get("max_ms").asDouble()).isGreaterThanOrEqualTo(json.get("p99_ms").asDouble());
    assertThat(json.get("assignment").asText()).isEqualTo("rendezvous");
    assertThat(json.get("workers_requested").asInt()).isEqualTo(4);
    assertThat(json.get("workers_busy").asInt()).isEqualTo(4);
    assertThat(json.get("errors").asLong()).isZero();
    assertThat(json.get("imbalance").asDouble()).isBetween(1.0, 4.0);

    Map<Integer, List<String>> expected = new RendezvousHash(4).assign(queries.stream().map(QueryParams::hostname).toList());
    JsonNode workers = json.get("workers");
    assertThat(workers).hasSize(4);
    for (JsonNode w : workers) {
      List<String> hosts = expected.get(w.get("worker").asInt());
      assertThat(w.get("hosts").toString()).isEqualTo(new ObjectMapper().writeValueAsString(hosts));
      assertThat(w.get("queries").asLong()).isEqualTo(queries.stream().filter(q -> hosts.contains(q.hostname())).count());
    }
    assertThat(Files.readString(run.resolve("query-stats.html"))).contains("Query time over the run");
  }

  private static long rowsByPlainJdbc(List<QueryParams> queries) throws Exception {
    Target pg = Target.parse("embedded", null, null).resolve();
    long rows = 0;
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
      for (QueryParams q : queries) {
        rows += CpuUsageQuery.DATE_TRUNC.run(c, q.hostname(), q.start(), q.end()).size();
      }
    }
    return rows;
  }
}

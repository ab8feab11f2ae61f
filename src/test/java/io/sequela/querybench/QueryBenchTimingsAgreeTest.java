package io.sequela.querybench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.record.RequestRecords;
import io.sequela.db.Target;
import io.sequela.testing.EmbeddedDb;
import io.sequela.testing.ForkedGatling;
import io.sequela.testing.ForkedJvm;
import io.sequela.testing.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gatling's report and query-stats tell the same story of one run: a small QueryBenchSimulation in its own
 * JVM (as the Maven plugin forks it, the pages added by the exit hook) with the lean driver, 60 queries over
 * 10 hosts and 5 workers; the mean of what Gatling was handed (the run record) and the page's mean agree
 * within 0.6 ms + 25 %. Both come from one ns span per query, so they differ only by Gatling's whole
 * milliseconds; the check involves no timing threshold.
 */
@Slow
class QueryBenchTimingsAgreeTest {

  @TempDir Path dir;

  @Test
  void gatlingsMeanAndThePagesMeanAgree() throws Exception {
    Target pg = EmbeddedDb.withJobExecutionSchema();
    Path queries = Files.writeString(dir.resolve("queries.csv"), "hostname,start_time,end_time\n" + IntStream.range(0, 60)
        .mapToObj(i -> String.format("host_%06d,2017-01-01 %02d:17:00,2017-01-01 %02d:17:00", i % 10, i % 23, i % 23 + 1))
        .collect(Collectors.joining("\n")) + "\n");
    Path results = dir.resolve("results");
    ForkedJvm.Outcome o = ForkedGatling.run("QueryBenchSimulation", results, List.of(
        "-Dsequela.querybench.target=" + pg.jdbcUrl(), "-Dsequela.querybench.user=" + pg.user(),
        "-Dsequela.querybench.queries=" + queries, "-Dsequela.querybench.workers=5"), 180);
    assertThat(o.exitCode()).as(o.output()).isZero();

    Path run = GatlingRun.latest(results, "QueryBenchSimulation").orElseThrow().folder();
    ObjectMapper json = new ObjectMapper();
    JsonNode page = json.readTree(run.resolve("query-stats.json").toFile());
    assertThat(page.get("queries").asLong()).isEqualTo(60);
    // what Gatling was handed is what the run record holds (Gatling 3.13.5+ writes no js/stats.json to read back)
    long[] okAndNanos = new long[2];
    RequestRecords.in(run).forEach(q -> {
      if (q.ok()) {
        okAndNanos[0]++;
        okAndNanos[1] += q.durationNanos();
      }
    });
    assertThat(okAndNanos[0]).isEqualTo(60);
    double pageMean = page.get("avg_ms").asDouble();
    double recordMean = okAndNanos[1] / 60.0 / 1e6;
    assertThat(recordMean).as("the record's mean vs the page's %.3f ms", pageMean)
        .isBetween(pageMean - 0.6 - 0.25 * pageMean, pageMean + 0.6 + 0.25 * pageMean);
  }
}

package io.sequela.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.config.SweepPlan;
import io.sequela.config.SweepPlanLoader;
import io.sequela.testing.Slow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real sweep of two tiny SeqOrder cells, each a Gatling run in a JVM of its own on the embedded PostgreSQL. */
@Slow
class SweepEndToEndTest {

  @TempDir Path dir;

  @Test
  void twoTinyCellsEachAFullComparisonWithItsOwnHistoryRow() throws Exception {
    Path planFile = dir.resolve("tiny-sweep.json");
    Files.writeString(planFile, "{ \"sweep\": { \"users\": [1, 2] }, \"warmup\": 0, \"blocks\": 4, \"tests\": [ {"
        + " \"test_name\": \"tiny\", \"scenarii\": ["
        + " { \"node_number\": 1, \"iterations\": 40, \"interval\": 0, \"connection\": \"embedded\" },"
        + " { \"node_number\": 2, \"iterations\": 40, \"interval\": 0, \"connection\": \"embedded\" } ] } ] }");
    SweepPlan plan = SweepPlanLoader.load(planFile.toString());
    Path history = dir.resolve("history");
    ForkedCells forked = new ForkedCells(System.getProperty("java.class.path"), List.of(
        "-Dsequela.embedded.dir=" + dir.resolve("pg"), "-Dsequela.history.dir=" + history,
        "-Djava.util.prefs.userRoot=" + dir.resolve("prefs")), "512m");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    SweepRun.Result r = SweepRun.run(plan, "e2e", dir.resolve("results"), forked,
        new PrintStream(console, true, StandardCharsets.UTF_8));
    String out = console.toString(StandardCharsets.UTF_8);
    assertThat(r.failed()).as(out).isZero();
    assertThat(out).contains("sweep e2e: cell 1 of 2", "sweep e2e: cell 2 of 2", "sweep e2e: Knee");
    JsonNode json = new ObjectMapper().readTree(r.folder().resolve("sweep.json").toFile());
    assertThat(json.get("cells")).hasSize(2).allSatisfy(c -> {
      assertThat(c.get("cell_run_id").asText()).isNotEmpty();
      assertThat(c.get("differences")).as("one difference per test").hasSize(1)
          .allSatisfy(d -> assertThat(d.get("verdict").asText()).as("every cell a verdict").isNotEmpty());
    });
    assertThat(r.folder().resolve("sweep.html")).exists();
    try (Stream<Path> csv = Files.walk(history)) {
      long rows = csv.filter(p -> p.toString().endsWith(".csv")).mapToLong(p -> {
        try {
          return Files.readAllLines(p).size() - 1;
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).sum();
      assertThat(rows).as("one history row per cell").isEqualTo(2);
    }
  }
}

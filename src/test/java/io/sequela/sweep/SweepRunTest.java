package io.sequela.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.sequela.SequelaException;
import io.sequela.config.SweepPlan;
import io.sequela.config.SweepPlanLoader;
import io.sequela.report.SequenceGapsReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep's planning without Gatling: the balanced order, what is done, and a resume that runs only the rest. */
class SweepRunTest {

  private static final String TEST = "\"tests\": [ { \"test_name\": \"t\", \"scenarii\": [\n"
      + "  { \"node_number\": 1, \"iterations\": 40, \"interval\": 0, \"connection\": \"embedded\" } ] } ]";

  @TempDir Path results;

  private static SweepPlan plan(String extra) {
    return SweepPlanLoader.parse("knee.json", ConfigFactory.parseString(
        "{ \"sweep\": { \"users\": [1, 2, 4], \"sequence_cache\": [20, 1000]" + extra + " }, " + TEST + " }").root());
  }

  /** Writes what a SeqOrder run leaves: its run folder with sequence-gaps.json; throws at the cell named {@code stopAt}. */
  private static final class HandMadeRuns implements CellRunner {
    final List<String> ran = new ArrayList<>();
    String stopAt;

    @Override
    public int run(String simulation, SweepPlan.Cell cell, SweepFolder folder) throws java.io.IOException {
      if (cell.id().equals(stopAt)) {
        throw new IllegalStateException("stopped in cell " + cell.id());
      }
      ran.add(cell.id());
      assertThat(folder.runs(cell)).as("a cell starts with an empty results folder").isEmptyDirectory();
      assertThat(folder.plan(cell)).exists();
      Path run = Files.createDirectories(folder.runs(cell).resolve("seqordersimulation-1"));
      long users = cell.values().get("users");
      Files.writeString(run.resolve(SequenceGapsReport.JSON), "{\"run_id\": \"run-" + cell.id() + "\", \"tests\": [{"
          + "\"comparison\": {\"verdict\": \"v\", \"median_latency_diff_us\": " + users * 3 + ", \"median_latency_diff_ci_us\": ["
          + (users * 3 - 2) + ", " + (users * 3 + 2) + "]}}]}");
      return 0;
    }
  }

  @Test
  void theOrderIsASeededShuffleNotTheAxesOrder() {
    SweepPlan p = plan("");
    List<SweepPlan.Cell> order = SweepOrder.shuffled(p.cells(), p.seed());
    assertThat(order).containsExactlyInAnyOrderElementsOf(p.cells()).isNotEqualTo(p.cells());
    assertThat(SweepOrder.shuffled(p.cells(), p.seed())).as("the same seed, the same order").isEqualTo(order);
    assertThat(SweepOrder.shuffled(p.cells(), 2)).isNotEqualTo(order);
    assertThat(p.cells()).as("the plan's cells are not changed").extracting(SweepPlan.Cell::id)
        .startsWith("users-1_sequence_cache-20", "users-1_sequence_cache-1000");
  }

  @Test
  void aSweepStoppedInItsThirdCellRunsOnlyTheOthersWhenStartedAgain() throws Exception {
    SweepPlan p = plan(", \"threshold_us\": 5");
    List<SweepPlan.Cell> order = SweepOrder.shuffled(p.cells(), p.seed());
    HandMadeRuns first = new HandMadeRuns();
    first.stopAt = order.get(2).id();
    assertThatThrownBy(() -> SweepRun.run(p, "r1", results, first, quiet())).hasMessageContaining("stopped in cell");
    assertThat(first.ran).containsExactly(order.get(0).id(), order.get(1).id());
    SweepFolder folder = SweepFolder.of(results, "r1");
    assertThat(SweepRun.pending(p, folder)).isEqualTo(order.subList(2, order.size()));
    assertThat(folder.dir().resolve("sweep.html")).as("a page of the cells done so far").exists();

    HandMadeRuns again = new HandMadeRuns();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    SweepRun.Result r = SweepRun.run(p, "r1", results, again, new PrintStream(console, true, StandardCharsets.UTF_8));
    assertThat(again.ran).isEqualTo(order.subList(2, order.size()).stream().map(SweepPlan.Cell::id).toList());
    assertThat(r.ran()).isEqualTo(4);
    assertThat(r.failed()).isZero();
    String out = console.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("sweep r1: SeqOrderSimulation, 6 cells (users [1, 2, 4] x sequence_cache [20, 1000]), 2 done,"
        + " 4 to run: about ", "sweep r1: cell 3 of 6 (1 of 4 now): " + order.get(2).label(), "sweep r1: Knee at sequence_cache");
    JsonNode json = new ObjectMapper().readTree(folder.dir().resolve("sweep.json").toFile());
    assertThat(json.get("cells")).hasSize(6).allSatisfy(c -> assertThat(c.get("cell_run_id").asText()).startsWith("run-"));
    assertThat(json.get("order")).hasSize(6);
    assertThat(SweepRun.pending(p, folder)).isEmpty();
  }

  @Test
  void aRunIdThatRanAnotherSweepIsRefused() {
    HandMadeRuns runs = new HandMadeRuns();
    SweepRun.run(plan(""), "r2", results, runs, quiet());
    SweepPlan other = SweepPlanLoader.parse("knee.json", ConfigFactory.parseString(
        "{ \"sweep\": { \"users\": [1, 2, 4], \"sequence_cache\": [20, 1000] }, " + TEST.replace("40", "80") + " }").root());
    assertThatThrownBy(() -> SweepRun.run(other, "r2", results, runs, quiet()))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessageContaining("--run-id r2: ").hasMessageContaining("a resumed sweep must be the same sweep");
  }

  @Test
  void aCellThatLeavesNoResultsIsNotDoneAndTheSweepSaysSo() {
    SweepPlan p = plan("");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    SweepRun.Result r = SweepRun.run(p, "r3", results, (sim, cell, folder) -> 1,
        new PrintStream(console, true, StandardCharsets.UTF_8));
    assertThat(r.failed()).isEqualTo(6);
    assertThat(console.toString(StandardCharsets.UTF_8)).contains("left no results JSON (exit 1");
    assertThat(SweepRun.pending(p, SweepFolder.of(results, "r3"))).hasSize(6);
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}

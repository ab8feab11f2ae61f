package io.sequela.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.config.BaselineSpec;
import io.sequela.config.Limits;
import io.sequela.config.NightlySettings;
import io.sequela.config.Pacing;
import io.sequela.config.ScenarioSpec;
import io.sequela.config.SequenceMode;
import io.sequela.config.TargetSpec;
import io.sequela.config.TestSpec;
import io.sequela.gaps.Latencies;
import io.sequela.gaps.Reconciliation;
import io.sequela.history.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped between stages (ORDER ran to its end, NOORDER never opened: a refused mode switch) is cut short,
 * not failed: every line it has reconciles, and what is missing is a stage that never ran.
 */
class StoppedBetweenStagesTest {

  @TempDir Path dir;

  @Test
  void aRunStoppedBetweenStagesIsCutShortInTheHistory() throws Exception {
    TestSpec test = new TestSpec("t", "", List.of(new ScenarioSpec(1, 10, Duration.ZERO, 1,
        TargetSpec.parse("embedded", null, null))), List.of(SequenceMode.ORDER, SequenceMode.NOORDER), 100, Pacing.DELAY,
        Limits.NONE);
    Reconciliation rec = new Reconciliation(List.of(new Reconciliation.Line("t", "ORDER", 1, 10, 10, 0, 10)),
        "test t, mode NOORDER: the sequence switch failed");
    TestResult r = SeqOrderNightly.of(test, rec, Optional.empty(), new InsertLatencyUs(Latencies.none()));
    assertThat(r.cutShort()).isTrue();

    Path history = dir.resolve("history");
    NightlyOutcome outcome = Nightly.finish(new NightlySettings(history, BaselineSpec.DEFAULT, Limits.NONE, "plans/default.json", "x"),
        new RunIdentity("SeqOrderSimulation", "r0", "default.json", "hash", "postgresql embedded", "16", "abc", "design=1"),
        List.of(r), Files.createDirectories(dir.resolve("run")), n -> { });
    assertThat(outcome.status()).isEqualTo(RunRecord.CUT_SHORT);
    assertThat(Files.readAllLines(history.resolve("SeqOrderSimulation").resolve("t.csv")).get(1)).contains(",cut_short,");
  }
}

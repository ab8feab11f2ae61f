package io.sequela.seqorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.config.CommitPolicy;
import io.sequela.config.DesignSpec;
import io.sequela.config.Limits;
import io.sequela.config.Pacing;
import io.sequela.config.ScenarioSpec;
import io.sequela.config.SequenceMode;
import io.sequela.config.TargetSpec;
import io.sequela.config.TestSpec;
import io.sequela.config.WarmupSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stages of a test: warm-ups (the run's first single-variant one in two parts), then the balanced blocks. */
class SeqOrderDesignStagesTest {

  private static TestSpec test(List<SequenceMode> modes, WarmupSpec warmup) {
    ScenarioSpec node = new ScenarioSpec(1, 100, Duration.ZERO, 2, TargetSpec.parse("embedded", null, null));
    return new TestSpec("t", "", List.of(node), modes, 100, Pacing.DELAY, Limits.NONE, CommitPolicy.EACH,
        new DesignSpec(warmup, 2, 1));
  }

  private static String shape(List<Stage> stages) {
    return String.join(" ", stages.stream()
        .map(s -> s.rehearsal() ? "R" + s.variantName() : s.warmup() ? "W" + s.variantName() : s.variantName()).toList());
  }

  @Test
  void theRunsFirstSingleVariantWarmUpIsRehearsedByASecondStageOfIt() {
    List<Stage> stages = SeqOrderDesign.stages(test(List.of(SequenceMode.NOORDER), WarmupSpec.AUTO), 0);
    assertThat(shape(stages)).isEqualTo("WNOORDER RNOORDER NOORDER NOORDER");
    assertThat(stages).extracting(Stage::index).containsExactly(0, 1, 2, 3);
    assertThat(stages.get(1).warmup()).as("the rehearsal is a warm-up: untimed, until its rule").isTrue();
    assertThat(stages.get(1).blockNo()).isZero();
    ScenarioSpec node = stages.get(0).test().scenarii().get(0);
    assertThat(stages.get(1).scenarioName(node)).as("Gatling's scenario names stay unique")
        .isNotEqualTo(stages.get(0).scenarioName(node)).endsWith("rehearsal");
    assertThat(stages.get(1).requestName(node)).as("its requests are the warm-up's").isEqualTo(stages.get(0).requestName(node));
  }

  @Test
  void twoVariantsAreTheirOwnRehearsalAndLaterTestsNeedNone() {
    List<Stage> two = SeqOrderDesign.stages(test(List.of(SequenceMode.ORDER, SequenceMode.NOORDER), WarmupSpec.AUTO), 0);
    assertThat(two).hasSize(6).noneMatch(Stage::rehearsal);
    assertThat(two.subList(0, 2)).allMatch(Stage::warmup).extracting(Stage::variantName)
        .containsExactlyInAnyOrder("ORDER", "NOORDER");
    assertThat(two.subList(2, 6)).noneMatch(Stage::warmup);
    List<Stage> later = SeqOrderDesign.stages(test(List.of(SequenceMode.NOORDER), WarmupSpec.AUTO), 6);
    assertThat(shape(later)).isEqualTo("WNOORDER NOORDER NOORDER");
    assertThat(later).extracting(Stage::index).containsExactly(6, 7, 8);
  }

  @Test
  void noWarmUpMeansNoRehearsal() {
    assertThat(shape(SeqOrderDesign.stages(test(List.of(SequenceMode.NOORDER), WarmupSpec.NONE), 0)))
        .isEqualTo("NOORDER NOORDER");
  }
}

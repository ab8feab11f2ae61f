package io.sequela.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.config.SequenceMode;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class TimeOrderedPassTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 21, 12, 0);

  @Test
  void bigModesKeepEveryKthRowFromTheFirstAndNoMoreThanTheLimit() {
    TimeOrderedPass pass = new TimeOrderedPass();
    int rows = 3 * GapAnalysis.MAX_SAMPLE_POINTS + 5;
    for (int i = 0; i < rows; i++) {
      pass.add(T0.plusNanos(i * 1_000_000L), i, 1 + i % 2);
    }
    ModeFigures m = pass.finish(SequenceMode.NOORDER);

    assertThat(m.sampleStride()).isEqualTo(4);
    assertThat(m.sample()).hasSize((rows + 3) / 4).hasSizeLessThanOrEqualTo(GapAnalysis.MAX_SAMPLE_POINTS);
    for (int k = 0; k < m.sample().size(); k++) {
      int row = k * m.sampleStride();
      assertThat(m.sample().get(k)).isEqualTo(new ModeFigures.SamplePoint(row, row, 1 + row % 2));
    }
  }

  @Test
  void perNodeFiguresComeFromTheSamePass() {
    TimeOrderedPass pass = new TimeOrderedPass();
    long[] ids = {1, 2, 101, 3, 102, 4};
    int[] nodes = {1, 1, 2, 1, 2, 1};
    for (int i = 0; i < ids.length; i++) {
      pass.add(T0.plusSeconds(i), ids[i], nodes[i]);
    }
    ModeFigures m = pass.finish(SequenceMode.NOORDER);

    assertThat(m.nodes().get(2)).isEqualTo(new NodeFigures(2, 2, 101, 102, T0.plusSeconds(2), T0.plusSeconds(4)));
    assertThat(m.nodes().get(1)).isEqualTo(new NodeFigures(1, 4, 1, 4, T0, T0.plusSeconds(5)));
    assertThat(m.first()).isEqualTo(T0);
    assertThat(m.last()).isEqualTo(T0.plusSeconds(5));
  }
}

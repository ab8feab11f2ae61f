package io.sequela.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The design in one line: stable, without commas, equal exactly for equal designs. */
class DesignStampTest {

  @Test
  void aStampIsOneStableLine() {
    BlockOrder order = BlockOrder.balanced(List.of("ORDER", "NOORDER"), 4, 42);
    DesignStamp stamp = DesignStamp.of(WarmupRule.auto(), order, BlockSize.inserts(1000));
    assertThat(stamp.line()).isEqualTo("design=1; warmup=auto(3 x 500 inserts within 10 % up to 10000 inserts or 5s);"
        + " blocks=4; block=1000 inserts; seed=42");
    assertThat(stamp.line()).doesNotContain(",").doesNotContain("\n");
    assertThat(new DesignStamp(WarmupRule.of(Duration.ofSeconds(2)), 7, BlockSize.of(Duration.ofMillis(500)), 7)
        .line()).isEqualTo("design=1; warmup=2s; blocks=7; block=500ms; seed=7");
  }

  @Test
  void stampsOfTheSameDesignAreEqualAndOfAnotherNot() {
    DesignStamp a = new DesignStamp(WarmupRule.auto(), 4, BlockSize.of(Duration.ofSeconds(1)), 42);
    DesignStamp same = new DesignStamp(WarmupRule.auto(), 4, BlockSize.of(Duration.ofMillis(1000)), 42);
    assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(a.line()).isEqualTo(same.line());
    for (DesignStamp other : List.of(
        new DesignStamp(WarmupRule.auto(), 4, BlockSize.of(Duration.ofSeconds(1)), 43),
        new DesignStamp(WarmupRule.auto(), 6, BlockSize.of(Duration.ofSeconds(1)), 42),
        new DesignStamp(WarmupRule.auto(), 4, BlockSize.inserts(1000), 42),
        new DesignStamp(WarmupRule.of(Duration.ofSeconds(1)), 4, BlockSize.of(Duration.ofSeconds(1)), 42))) {
      assertThat(other).isNotEqualTo(a);
      assertThat(other.line()).isNotEqualTo(a.line());
    }
  }

  @Test
  void blockSizesKnowTheirUnit() {
    assertThat(BlockSize.of(Duration.ofSeconds(1))).hasToString("1s");
    assertThat(BlockSize.of(Duration.ofSeconds(1)).duration()).isEqualTo(Duration.ofSeconds(1));
    assertThatThrownBy(() -> BlockSize.inserts(500).duration()).hasMessage("a block of 500 inserts has no duration");
    assertThatThrownBy(() -> BlockSize.inserts(0)).hasMessage("block: must be >= 1 insert, got 0");
    assertThatThrownBy(() -> new DesignStamp(WarmupRule.auto(), 0, BlockSize.inserts(1), 0))
        .hasMessage("blocks: must be >= 1, got 0");
  }
}

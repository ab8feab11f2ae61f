package io.sequela.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import org.junit.jupiter.api.Test;

class SequenceBlockOptionsTest {

  @Test
  void defaultsAndCopies() {
    SequenceBlockOptions o = SequenceBlockOptions.of("orders");
    assertThat(o.blockSize()).isEqualTo(1000);
    assertThat(o.prefetchAt()).isEqualTo(0.8);
    assertThat(o.prefetchOffset()).isEqualTo(800);
    SequenceBlockOptions none = o.withBlockSize(10).withoutPrefetch();
    assertThat(none.prefetches()).isFalse();
    assertThat(none.prefetchOffset()).isEqualTo(10);
    assertThat(o.blockSize()).as("the original is unchanged").isEqualTo(1000);
    assertThat(o.withBlockSize(1).prefetchOffset()).isZero();
    assertThat(o.withBlockSize(5).withPrefetchAt(0.99).prefetchOffset()).isEqualTo(4);
  }

  @Test
  void badValuesNameTheField() {
    SequenceBlockOptions o = SequenceBlockOptions.of("orders");
    assertInvalid(() -> o.withBlockSize(0), "sequenceBlock.blockSize: must be >= 1, got 0");
    assertInvalid(() -> o.withPrefetchAt(1.5), "sequenceBlock.prefetchAt: must be between 0 and 1 (1 = no prefetch), got 1.5");
    assertInvalid(() -> o.withPrefetchAt(Double.NaN), "sequenceBlock.prefetchAt: must be between 0 and 1 (1 = no prefetch), got NaN");
    assertInvalid(() -> SequenceBlockOptions.of(" "), "sequenceBlock.sequenceName: must not be empty, got  ");
    assertInvalid(() -> SequenceBlockOptions.of("x".repeat(129)),
        "sequenceBlock.sequenceName: must be at most 128 characters, got 129 characters");
  }

  private static void assertInvalid(Runnable r, String message) {
    assertThatThrownBy(r::run).isInstanceOf(SequelaException.InvalidInput.class).hasMessage(message);
  }
}

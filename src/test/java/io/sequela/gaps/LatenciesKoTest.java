package io.sequela.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.config.SequenceMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** KOs are counted per error code, per test x mode and per node. */
class LatenciesKoTest {

  @Test
  void latenciesGroupKosByTestModeNodeAndCode() {
    Latencies l = Latencies.builder()
        .record("g ORDER node 1", 3, false, "1062")
        .record("g ORDER node 1", 3, false, "1062")
        .record("g ORDER node 2", 3, false, "1213")
        .record("g ORDER node 2", 3, true, null)
        .record("g AUTO_INCREMENT node 3", 3, false, null)
        .record("g NOORDER node 1", 3, true, null)
        .build();
    assertThat(l.koByCode("g", SequenceMode.ORDER)).containsExactly(Map.entry("1062", 2L), Map.entry("1213", 1L));
    assertThat(l.koByCode("g", SequenceMode.ORDER, 2)).containsExactly(Map.entry("1213", 1L));
    assertThat(l.koByNodeAndCode("g", SequenceMode.ORDER)).containsOnlyKeys(1, 2);
    assertThat(l.koByCode("g", SequenceMode.AUTO_INCREMENT)).containsExactly(Map.entry(Latencies.UNKNOWN_CODE, 1L));
    assertThat(l.koByCode("g", SequenceMode.NOORDER)).isEmpty();
    assertThat(l.koCount("g", SequenceMode.ORDER)).isEqualTo(3);
  }
}

package io.sequela.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.sequela.SequelaException;
import org.junit.jupiter.api.Test;

/** {@code sequela.latency.record} and {@code sequela.analysis.colour-by}: defaults, overrides, bad values in one line. */
class LatencySettingsTest {

  private static SeqOrderSettings with(String overrides) {
    Config c = ConfigFactory.parseString(overrides).withFallback(ConfigFactory.defaultReference()).resolve();
    return SeqOrderSettings.from(c.getConfig("sequela"));
  }

  @Test
  void recordingIsOnAndTheChartColouredByNodeByDefault() {
    assertThat(with("").recordLatency()).isTrue();
    assertThat(with("").colourBySession()).isFalse();
    assertThat(with("sequela.latency.record = false").recordLatency()).isFalse();
    assertThat(with("sequela.analysis.colour-by = Session").colourBySession()).isTrue();
  }

  @Test
  void badValuesNameTheSetting() {
    assertThatThrownBy(() -> with("sequela.analysis.colour-by = instance"))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("sequela.analysis.colour-by: must be node or session, got 'instance'");
    assertThatThrownBy(() -> with("sequela.latency.record = maybe"))
        .isInstanceOf(SequelaException.InvalidInput.class).hasMessageContaining("latency.record");
  }
}

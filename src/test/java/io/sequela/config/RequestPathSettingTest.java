package io.sequela.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.sequela.SequelaException;
import org.junit.jupiter.api.Test;

/**
 * {@code sequela.request-path} (and its older name {@code sequela.driver}): lean by default, plugin on request,
 * anything else refused naming the key.
 */
class RequestPathSettingTest {

  private static Config with(String overrides) {
    return ConfigFactory.parseString(overrides).withFallback(ConfigFactory.defaultReference()).resolve();
  }

  @Test
  void leanByDefaultForEverySimulationAndPluginOnRequest() {
    assertThat(QueryBenchSettings.from(with("")).driver()).isEqualTo(RequestPath.LEAN);
    assertThat(KeyGenSettings.from(with("")).driver()).isEqualTo(RequestPath.LEAN);
    assertThat(SeqOrderSettings.from(with("").getConfig("sequela")).driver()).isEqualTo(RequestPath.LEAN);
    assertThat(QueryBenchSettings.from(with("sequela.driver = plugin")).driver()).isEqualTo(RequestPath.PLUGIN);
    assertThat(KeyGenSettings.from(with("sequela.driver = PLUGIN")).driver()).isEqualTo(RequestPath.PLUGIN);
    assertThat(SeqOrderSettings.from(with("sequela.driver = \" plugin \"").getConfig("sequela")).driver()).isEqualTo(RequestPath.PLUGIN);
    assertThat(SeqOrderSettings.from(with("sequela.request-path = plugin").getConfig("sequela")).driver()).isEqualTo(RequestPath.PLUGIN);
    assertThat(KeyGenSettings.from(with("sequela.request-path = plugin, sequela.driver = plugin")).driver()).isEqualTo(RequestPath.PLUGIN);
  }

  @Test
  void anUnknownDriverIsOneLineNamingTheSetting() {
    assertThatThrownBy(() -> QueryBenchSettings.from(with("sequela.driver = galaxio")))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("sequela.driver: must be lean or plugin, got 'galaxio'");
    assertThatThrownBy(() -> KeyGenSettings.from(with("sequela.request-path = \"\"")))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("sequela.request-path: must be lean or plugin, got ''");
    assertThatThrownBy(() -> KeyGenSettings.from(with("sequela.request-path = plugin, sequela.driver = lean")))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("sequela.driver (the older name of sequela.request-path): must agree with sequela.request-path, got lean and plugin");
  }
}

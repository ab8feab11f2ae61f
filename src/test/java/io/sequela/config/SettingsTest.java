package io.sequela.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.sequela.SequelaException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingsTest {

  private static Properties props(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  @Test
  void anUnknownKeyIsOneLineNamingItAndTheNearestKnownKey() {
    assertThat(Settings.unknownKeys(props("sequela.embeded.fresh", "true"), Settings.knownKeys()))
        .containsExactly("-Dsequela.embeded.fresh: unknown setting; did you mean sequela.embedded.fresh?");
    assertThat(Settings.unknownKeys(props("sequela.querybench.worker", "5", "sequela.keygen.plan", "x",
        "sequela.plna", "p.json"), Settings.knownKeys()))
        .containsExactly("-Dsequela.plna: unknown setting; did you mean sequela.plan?",
            "-Dsequela.querybench.worker: unknown setting; did you mean sequela.querybench.workers?");
  }

  @Test
  void everyKeyOfReferenceConfIsKnownAndEmbeddedServerSettingsAreOpen() {
    assertThat(Settings.knownKeys()).contains("sequela.plan", "sequela.target", "sequela.target-password", "sequela.trace",
        "sequela.embedded.dir", "sequela.querybench.workers", "sequela.keygen.plan-defaults.users", "sequela.plan-defaults.modes[]");
    assertThat(Settings.unknownKeys(props("sequela.target", "embedded", "sequela.target-user", "u",
        "sequela.embedded.dir", "d", "sequela.embedded.shared_buffers", "16MB", "sequela.embedded.auto_explain.log_min_duration", "0",
        "sequela.plan-defaults.modes.0", "NOORDER", "sequela.analysis.clock", "PY_DATE", "java.home", "/x", "sequelafoo", "1"),
        Settings.knownKeys())).isEmpty();
    assertThat(Settings.unknownKeys(props("sequela.embedded", "x", "sequela.plan-defaults.modes.first", "ORDER"), Settings.knownKeys()))
        .hasSize(2);
  }

  @Test
  void aKnownKeyGivenAsSystemPropertyOverridesItsDefault() {
    System.setProperty("sequela.schema", "none");
    System.setProperty("sequela.plan-defaults.pacing", "rate");
    try {
      SeqOrderSettings s = SeqOrderSettings.load();
      assertThat(s.createSchema()).isFalse();
      assertThat(s.plan().tests().get(0).pacing()).isEqualTo(Pacing.RATE);
      assertThat(s.plan().tests().get(0).sequenceCache()).as("the plan's own value wins").isEqualTo(100);
    } finally {
      System.clearProperty("sequela.schema");
      System.clearProperty("sequela.plan-defaults.pacing");
    }
    assertThat(SeqOrderSettings.load().createSchema()).isTrue();
  }

  @Test
  void abortAfterAndConnectTimeoutAreDurationsCheckedInOneLine() {
    SeqOrderSettings s = SeqOrderSettings.load();
    assertThat(s.abortAfter()).isEqualTo(java.time.Duration.ofSeconds(30));
    assertThat(s.connectTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
    assertThat(s.targetOverride()).isFalse();
    System.setProperty("sequela.abort-after", "0s");
    try {
      assertThatThrownBy(SeqOrderSettings::load).isInstanceOf(SequelaException.InvalidInput.class)
          .hasMessage("sequela.abort-after: must be a duration > 0, got 0s");
    } finally {
      System.clearProperty("sequela.abort-after");
    }
    System.setProperty("sequela.connect-timeout", "100ms");
    try {
      assertThatThrownBy(SeqOrderSettings::load).hasMessage("sequela.connect-timeout: must be a duration >= 250ms, got 100ms");
    } finally {
      System.clearProperty("sequela.connect-timeout");
    }
  }

  @Test
  void thePluginDriverRefusesATestThatDoesNotCommitEachInsert() {
    System.setProperty("sequela.driver", "plugin");
    System.setProperty("sequela.plan-defaults.commit", "end");
    try {
      assertThatThrownBy(SeqOrderSettings::load).isInstanceOf(SequelaException.InvalidInput.class)
          .hasMessageStartingWith("sequela.driver: plugin cannot run test '70_30_ratio' with commit \"end\"");
    } finally {
      System.clearProperty("sequela.driver");
      System.clearProperty("sequela.plan-defaults.commit");
    }
  }

  @Test
  void anUnknownSystemPropertyStopsEveryLoad() {
    System.setProperty("sequela.embeded.fresh", "true");
    try {
      assertThatThrownBy(SeqOrderSettings::load).isInstanceOf(SequelaException.InvalidInput.class)
          .hasMessage("-Dsequela.embeded.fresh: unknown setting; did you mean sequela.embedded.fresh?");
      assertThatThrownBy(KeyGenSettings::load).isInstanceOf(SequelaException.InvalidInput.class);
      assertThatThrownBy(QueryBenchSettings::load).isInstanceOf(SequelaException.InvalidInput.class);
      assertThatThrownBy(EmbeddedSettings::load).isInstanceOf(SequelaException.InvalidInput.class);
      assertThatThrownBy(CliSettings::load).isInstanceOf(SequelaException.InvalidInput.class);
    } finally {
      System.clearProperty("sequela.embeded.fresh");
    }
  }

  @Test
  void embeddedServerSettingsAreEveryKeyButDirAndFresh() {
    EmbeddedSettings e = EmbeddedSettings.from(ConfigFactory.parseString("sequela.embedded { shared_buffers = 16MB, "
        + "max_wal_size = 2GB, auto_explain.log_min_duration = 0 }").withFallback(Settings.referenceDefaults()).resolve());
    assertThat(e.dir()).isEqualTo(Path.of("target/embedded-pg"));
    assertThat(e.fresh()).isFalse();
    // reference.conf's own two (max_connections, synchronous_commit) beside the given ones
    assertThat(e.server()).isEqualTo(Map.of("shared_buffers", "16MB", "max_wal_size", "2GB", "auto_explain.log_min_duration", "0",
        "max_connections", "200", "synchronous_commit", "on"));
    assertThat(e.withServerDefault("shared_buffers", "128MB").server()).containsEntry("shared_buffers", "16MB");
    assertThat(e.withServerDefault("work_mem", "8MB").server()).containsEntry("work_mem", "8MB");
    assertThatThrownBy(() -> EmbeddedSettings.from(ConfigFactory.parseString("sequela.embedded.fresh = maybe")
        .withFallback(Settings.referenceDefaults()).resolve())).isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessageContaining("fresh");
  }

  @Test
  void planDefaultsAreCheckedAsSettings() {
    assertThatThrownBy(() -> PlanLoader.defaults(ConfigFactory.parseString("modes = [ORDER, SOMETIMES], sequence_cache = 1, "
        + "pacing = delay, commit = each, users = 1, user = x").root()))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessageContaining("sequela.plan-defaults.modes[1]: must be \"ORDER\", \"NOORDER\" or \"AUTO_INCREMENT\", got \"SOMETIMES\"")
        .hasMessageContaining("sequela.plan-defaults.sequence_cache: must be an integer >= 2, got 1")
        .hasMessageContaining("sequela.plan-defaults.user: unknown key");
    assertThatThrownBy(() -> PlanLoader.defaults(ConfigFactory.parseString("modes = [ORDER]").root()))
        .hasMessageContaining("sequela.plan-defaults.users: must be set, got nothing");
  }
}

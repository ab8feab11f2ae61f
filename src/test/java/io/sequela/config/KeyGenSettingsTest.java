package io.sequela.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.sequela.SequelaException;
import org.junit.jupiter.api.Test;

class KeyGenSettingsTest {

  private static Config with(String overrides) {
    return ConfigFactory.parseString(overrides)
        .withFallback(ConfigFactory.defaultReference()).resolve();
  }

  @Test
  void defaultsLoadTheQuickPlanOnTheEmbeddedServer() {
    KeyGenSettings s = KeyGenSettings.from(with(""));
    assertThat(s.plan().source()).isEqualTo("keygen-default.conf");
    assertThat(s.plan().target().embedded()).isTrue();
    assertThat(s.sharedBuffers()).isNull();
    assertThat(s.preseedThreads()).isEqualTo(2);
  }

  @Test
  void theSharedTargetReplacesThePlansConnection() {
    KeyGenSettings s = KeyGenSettings.from(with("sequela.target = \"jdbc:h2:mem:x\""));
    assertThat(s.plan().target().jdbcUrl()).isEqualTo("jdbc:h2:mem:x");
    KeyGenSettings oracle = KeyGenSettings.from(with("sequela.target = \"scott/tiger@db:1521/svc\""));
    assertThat(oracle.plan().target().jdbcUrl()).isEqualTo("jdbc:oracle:thin:@//db:1521/svc");
    assertThat(oracle.toString()).doesNotContain("tiger");
  }

  @Test
  void sharedBuffersReachTheEmbeddedServerUnlessItsOwnSettingNamesThem() {
    assertThat(KeyGenSettings.from(with("")).embedded().server()).doesNotContainKey("shared_buffers");
    assertThat(KeyGenSettings.from(with("sequela.keygen.shared_buffers = 16MB")).embedded().server())
        .containsEntry("shared_buffers", "16MB");
    assertThat(KeyGenSettings.from(with("sequela.keygen.shared_buffers = 16MB\nsequela.embedded.shared_buffers = 32MB"))
        .embedded().server()).containsEntry("shared_buffers", "32MB");
  }

  @Test
  void sharedBuffersMustBeAPostgresqlSize() {
    assertThat(KeyGenSettings.from(with("sequela.keygen.shared_buffers = 16MB")).sharedBuffers()).isEqualTo("16MB");
    assertThatThrownBy(() -> KeyGenSettings.from(with("sequela.keygen.shared_buffers = \"16 megs\"")))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("sequela.keygen.shared_buffers: must be a PostgreSQL size such as 16MB, got '16 megs'");
  }

  @Test
  void aMissingPlanIsOneLine() {
    assertThatThrownBy(() -> KeyGenSettings.from(with("sequela.keygen.plan = \"plans/nope.conf\"")))
        .hasMessage("sequela.keygen.plan: no plan file or classpath resource 'plans/nope.conf'");
  }
}

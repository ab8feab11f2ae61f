package io.sequela.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.sequela.SequelaException;
import java.time.Duration;
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
    assertThat(s.sharedBuffers()).as("the quick plan's: uuid4's index outgrows it").isEqualTo("4MB");
    assertThat(s.preseedThreads()).isEqualTo(2);
    assertThat(s.waitSampleInterval()).isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void theWaitSampleIntervalIsAtLeastOneMillisecond() {
    assertThat(KeyGenSettings.from(with("sequela.keygen.wait_sample_interval = 2ms")).waitSampleInterval())
        .isEqualTo(Duration.ofMillis(2));
    assertThatThrownBy(() -> KeyGenSettings.from(with("sequela.keygen.wait_sample_interval = 500us")))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("sequela.keygen.wait_sample_interval: must be between 1ms and 10s, got 0.5ms");
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
    assertThat(KeyGenSettings.from(with("")).embedded().server()).containsEntry("shared_buffers", "4MB");
    assertThat(KeyGenSettings.from(with("sequela.keygen.plan = plans/keygen-dmtn099.conf")).embedded().server())
        .as("a plan without shared_buffers: the server's default").doesNotContainKey("shared_buffers");
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

  @Test
  void usersBeyondTheEmbeddedServersConnectionsAreOneLineBeforeAnyDatabaseWork(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path plan = java.nio.file.Files.writeString(dir.resolve("many.conf"),
        "connection = embedded\nusers = 500\nstrategies = [seq]\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> KeyGenSettings.from(with("sequela.keygen.plan = \"" + plan + "\"")))
        .isInstanceOf(io.sequela.SequelaException.InvalidInput.class)
        .hasMessage("many.conf: users: must be at most 190 (the embedded server's max_connections 200 minus 10 reserved), got 500");
    assertThat(KeyGenSettings.from(with("sequela.keygen.plan = \"" + plan + "\"\nsequela.embedded.max_connections = 600"))
        .plan().users()).isEqualTo(500);
  }

  @Test
  void directIoIsAPlanKeyThatStartsTheEmbeddedServerWithDebugIoDirect(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path plan = dir.resolve("direct.conf");
    java.nio.file.Files.writeString(plan, "shared_buffers = 4MB\ndirect_io = true\n");
    KeyGenSettings s = KeyGenSettings.from(with("sequela.keygen.plan = \"" + plan + "\""));
    assertThat(s.plan().directIo()).isTrue();
    assertThat(s.embedded().server()).containsEntry("debug_io_direct", "data").containsEntry("shared_buffers", "4MB");
    assertThat(KeyGenSettings.from(with("")).embedded().server()).as("off by default").doesNotContainKey("debug_io_direct");
    java.nio.file.Files.writeString(plan, "direct_io = yes please\n");
    assertThatThrownBy(() -> KeyGenSettings.from(with("sequela.keygen.plan = \"" + plan + "\"")))
        .hasMessage("direct.conf:1: direct_io: must be true or false, got \"yes please\"");
  }
}

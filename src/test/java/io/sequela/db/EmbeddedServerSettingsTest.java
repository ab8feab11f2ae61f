package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.testing.ForkedJvm;
import io.sequela.testing.ShowServerSetting;
import io.sequela.testing.Slow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What -Dsequela.embedded.<setting> does to a server that sequela starts (its own JVM: one server per JVM). */
@Slow
class EmbeddedServerSettingsTest {

  @TempDir Path dir;

  @Test
  void aServerSettingGivenAsSystemPropertyReachesTheServer() throws Exception {
    ForkedJvm.Outcome o = ForkedJvm.run(List.of("-Dsequela.embedded.dir=" + dir.resolve("pg"), "-Dsequela.embedded.fresh=true",
        "-Dsequela.embedded.shared_buffers=16MB"), ShowServerSetting.class.getName(), "shared_buffers");
    assertThat(o.exitCode()).as(o.output()).isZero();
    assertThat(o.output()).contains("shared_buffers=16MB");
    assertThat(dir.resolve("pg")).isDirectory();
  }

  @Test
  void commitsAreDurableByDefaultAndThatIsASettingLikeAnyOther() throws Exception {
    ForkedJvm.Outcome byDefault = ForkedJvm.run(List.of("-Dsequela.embedded.dir=" + dir.resolve("pg"),
        "-Dsequela.embedded.fresh=true"), ShowServerSetting.class.getName(), "synchronous_commit");
    assertThat(byDefault.exitCode()).as(byDefault.output()).isZero();
    assertThat(byDefault.output()).contains("synchronous_commit=on");
    ForkedJvm.Outcome off = ForkedJvm.run(List.of("-Dsequela.embedded.dir=" + dir.resolve("pg"),
        "-Dsequela.embedded.synchronous_commit=off"), ShowServerSetting.class.getName(), "synchronous_commit");
    assertThat(off.exitCode()).as(off.output()).isZero();
    assertThat(off.output()).contains("synchronous_commit=off");
  }

  @Test
  void directIoStartsAServerWhoseBufferPoolIsTheWholeCache() throws Exception {
    ForkedJvm.Outcome o = ForkedJvm.run(List.of("-Dsequela.embedded.dir=" + dir.resolve("pg"), "-Dsequela.embedded.fresh=true",
        "-Dsequela.embedded.debug_io_direct=data", "-Dsequela.embedded.shared_buffers=4MB"),
        ShowServerSetting.class.getName(), "debug_io_direct");
    assertThat(o.exitCode()).as(o.output()).isZero();
    assertThat(o.output()).contains("debug_io_direct=data");
  }
}

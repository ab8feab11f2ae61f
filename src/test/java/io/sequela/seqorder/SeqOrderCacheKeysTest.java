package io.sequela.seqorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.db.Target;
import io.sequela.testing.EmbeddedDb;
import io.sequela.testing.ForkedJvm;
import io.sequela.testing.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SeqOrder plan's {@code shared_buffers} and {@code direct_io} reach the embedded server the run starts: a server of
 * its own, in a JVM of its own (one server per JVM), read back with SHOW.
 */
@Slow
class SeqOrderCacheKeysTest {

  @TempDir Path dir;

  /** Prepares a SeqOrder run as the simulation does (settings, plan, nodes connected), then SHOWs its server's cache. */
  public static final class PrepareAndShow {
    public static void main(String[] args) throws Exception {
      try (SeqOrderRun run = SeqOrderRun.prepare();
          Connection c = EmbeddedDb.connect(Target.parse("embedded", null, null).resolve());
          Statement st = c.createStatement()) {
        for (String name : List.of("debug_io_direct", "shared_buffers")) {
          try (ResultSet rs = st.executeQuery("SHOW " + name)) {
            rs.next();
            System.out.println(name + "=" + rs.getString(1));
          }
        }
      }
    }
  }

  @Test
  void thePlansCacheKeysReachTheServerTheRunStarts() throws Exception {
    Path plan = Files.writeString(dir.resolve("cache.json"), "{ \"shared_buffers\": \"4MB\", \"direct_io\": true,"
        + " \"tests\": [ { \"test_name\": \"t\", \"scenarii\": ["
        + " { \"node_number\": 1, \"iterations\": 10, \"interval\": 0, \"connection\": \"embedded\" } ] } ] }");
    ForkedJvm.Outcome o = ForkedJvm.run(List.of("-Dsequela.plan=" + plan, "-Dsequela.embedded.dir=" + dir.resolve("pg"),
        "-Dsequela.embedded.fresh=true", "-Dsequela.results.dir=" + dir.resolve("results")),
        PrepareAndShow.class.getName());
    assertThat(o.exitCode()).as(o.output()).isZero();
    assertThat(o.output()).contains("debug_io_direct=data", "shared_buffers=4MB");
  }
}

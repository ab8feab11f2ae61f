package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PoolsTest {

  @Test
  void unreachableDatabaseIsOneLineNamingNodeAndHostButNotThePassword() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Target t = Target.parse("jdbc:postgresql://127.0.0.1:" + closedPort + "/x", "app", "Tiger_s3cret");
    // the shortest connect timeout: the pool retries a refused connection until it passes (10 s by default)
    assertThatThrownBy(() -> Pools.open(t, Pools.config(t, "node-2", 1, Duration.ofMillis(250))))
        .isInstanceOf(SequelaException.DatabaseFailure.class)
        .hasMessageStartingWith("node-2: cannot connect to 127.0.0.1:" + closedPort)
        .hasMessageNotContaining("Tiger_s3cret")
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage().lines()).hasSize(1));
  }
}

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

  @Test
  void aRefusedConnectionFailsAtOnceNotAfterTheConnectTimeout() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Target t = Target.parse("jdbc:postgresql://127.0.0.1:" + closedPort + "/x", "app", null);
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> Pools.open(t, Pools.config(t, "node-1", 1, java.time.Duration.ofSeconds(10))))
        .isInstanceOf(SequelaException.DatabaseFailure.class)
        .hasMessageContaining("refused");
    org.assertj.core.api.Assertions.assertThat((System.nanoTime() - t0) / 1e9).as("seconds, of a 10 s connect-timeout")
        .isLessThan(3);
  }

  @Test
  void aVendorCodeOfMinusOneOrZeroFallsBackToTheSqlState() {
    // the values MariaDB Connector/J gives its client-side errors (a socket error mid-statement: -1, 08000); the
    // driver's own on a live connection: MariaDbDialectOnGaleraTest
    org.assertj.core.api.Assertions.assertThat(Dialect.MARIADB.errorCode(
        new java.sql.SQLNonTransientConnectionException("Socket error", "08000", -1))).isEqualTo("08000");
    org.assertj.core.api.Assertions.assertThat(Dialect.MARIADB.errorCode(
        new java.sql.SQLException("refused", "08000", 0))).isEqualTo("08000");
    org.assertj.core.api.Assertions.assertThat(Dialect.MARIADB.errorCode(
        new java.sql.SQLException("Duplicate entry", "23000", 1062))).isEqualTo("1062");
    org.assertj.core.api.Assertions.assertThat(Dialect.ORACLE.errorCode(
        new java.sql.SQLException("IO Error", "08006", -1))).isEqualTo("08006");
  }
}

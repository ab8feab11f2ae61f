package io.sequela.populate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import io.sequela.db.Pools;
import io.sequela.db.Target;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The populator's threads on real PostgreSQL connections: each task once, one connection per thread, and a failure stops the rest. */
class WorkersTest {

  private static final Target PG = Target.parse("embedded", null, null).resolve();

  @Test
  void everyTaskRunsOnceOnTheThreadsOwnConnections() {
    Set<String> ran = ConcurrentHashMap.newKeySet();
    Set<Integer> backends = ConcurrentHashMap.newKeySet();
    List<Workers.Task> tasks = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String name = "t" + i;
      tasks.add(new Workers.Task(name, c -> {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
          rs.next();
          backends.add(rs.getInt(1));
        }
        assertThat(ran.add(name)).as(name + " ran twice").isTrue();
      }));
    }
    try (Workers w = Workers.open(Pools.direct(PG, "workers-test"), 3)) {
      w.run(tasks);
      w.run(List.of(new Workers.Task("again", c -> ran.add("again"))));
    }
    assertThat(ran).hasSize(41);
    assertThat(backends).hasSizeBetween(1, 3);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)  // a guard against a hang: without the abort the sleep holds run() for 120 s
  void theFirstFailureAbortsTheOtherConnectionsAndNamesItsTask() {
    Set<String> ran = ConcurrentHashMap.newKeySet();
    List<Workers.Task> tasks = new ArrayList<>();
    tasks.add(new Workers.Task("slow", c -> {
      try (Statement st = c.createStatement()) {
        st.execute("SELECT pg_sleep(120)");
      }
    }));
    tasks.add(new Workers.Task("broken", c -> {
      try (Statement st = c.createStatement()) {
        st.execute("SELECT pg_sleep(0.3)");  // the slow one is in its statement by now
        st.execute("SELECT 1 / 0");
      }
    }));
    for (int i = 0; i < 10; i++) {
      String name = "later" + i;
      tasks.add(new Workers.Task(name, c -> ran.add(name)));
    }
    try (Workers w = Workers.open(Pools.direct(PG, "workers-test"), 2)) {
      assertThatThrownBy(() -> w.run(tasks))
          .isInstanceOf(SequelaException.DatabaseFailure.class)
          .hasMessageStartingWith("populate broken: ")
          .hasMessageContaining("division by zero");
    }
    assertThat(ran).as("no task starts after the failure").isEmpty();
  }

  @Test
  void aRefusedConnectionFailsAtOnceNamingTheHost() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Target nowhere = Target.parse("jdbc:postgresql://127.0.0.1:" + closedPort + "/x", "u", "s3cret").resolve();
    assertThatThrownBy(() -> Workers.open(Pools.direct(nowhere, "populate"), 2))
        .isInstanceOf(SequelaException.DatabaseFailure.class)
        .hasMessageStartingWith("populate: cannot connect to 127.0.0.1:" + closedPort)
        .hasMessageNotContaining("s3cret");
  }
}

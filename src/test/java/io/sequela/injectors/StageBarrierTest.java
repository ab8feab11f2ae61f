package io.sequela.injectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sequela.SequelaException;
import io.sequela.db.Target;
import io.sequela.testing.EmbeddedDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several injectors' barriers on the embedded PostgreSQL, each on its own thread and connection as separate
 * JVMs would be: stages stay in step, injector 1 alone switches, and a missing injector fails everyone with
 * one line naming it.
 */
class StageBarrierTest {

  private static final List<String> STAGES = List.of("'t' ORDER", "'t' NOORDER", "'u' ORDER");
  private static HikariDataSource db;

  @BeforeAll
  static void connect() throws Exception {
    Target pg = EmbeddedDb.withJobExecutionSchema();
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(pg.jdbcUrl());
    cfg.setUsername(pg.user());
    cfg.setMaximumPoolSize(4);
    db = new HikariDataSource(cfg);
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS barrier_probe (run_id varchar(64), stage int, injector int, at timestamp(6) DEFAULT clock_timestamp())");
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static final Duration POLL = Duration.ofMillis(20);

  private static StageBarrier barrier(String runId, int injector, int injectors, Duration timeout) {
    return new StageBarrier(db, runId, injector, injectors, STAGES, timeout, POLL);
  }

  /** A clock that moves only when a wait sleeps: a timeout passes after timeout / poll looks at the table, at once. */
  private static class HandClock implements StageBarrier.Clock {
    long nanos = 1_000_000_000L;
    int sleeps;

    @Override
    public long nanoTime() {
      return nanos;
    }

    @Override
    public void sleep(Duration d) {
      sleeps++;
      nanos += d.toNanos();
    }
  }

  /** A barrier on a hand-moved clock, polling every second of it. */
  private static StageBarrier barrier(String runId, int injector, int injectors, Duration timeout, HandClock clock) {
    return new StageBarrier(db, runId, injector, injectors, STAGES, timeout, Duration.ofSeconds(1), clock);
  }

  @Test
  void threeInjectorsRunEveryStageInStepAndOnlyInjectorOneSwitches() throws Exception {
    String runId = "step-" + System.nanoTime();
    List<String> switches = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> injectors = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        int injector = i;
        IntConsumer gate = barrier(runId, injector, 3, Duration.ofSeconds(30)).around(k -> switches.add(injector + ":" + k));
        injectors.add(pool.submit(() -> {
          for (int k = 0; k < STAGES.size(); k++) {
            gate.accept(k);
            for (int row = 0; row < 5; row++) {
              probe(runId, k, injector);
              pause(ThreadLocalRandom.current().nextInt(1, 15)); // injectors finish their stages at different times
            }
          }
          barrier(runId, injector, 3, Duration.ofSeconds(30)).arrive(STAGES.size());
          return null;
        }));
      }
      for (Future<?> f : injectors) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(switches).containsExactly("1:0", "1:1", "1:2");
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT stage, count(*), count(DISTINCT injector), min(at), max(at) FROM barrier_probe WHERE run_id = ? GROUP BY stage ORDER BY stage")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        java.sql.Timestamp lastOfPrevious = null;
        int stages = 0;
        while (rs.next()) {
          stages++;
          assertThat(rs.getInt(2)).isEqualTo(15);
          assertThat(rs.getInt(3)).isEqualTo(3);
          if (lastOfPrevious != null) {
            assertThat(rs.getTimestamp(4)).as("first row of stage " + rs.getInt(1)).isAfter(lastOfPrevious);
          }
          lastOfPrevious = rs.getTimestamp(5);
        }
        assertThat(stages).isEqualTo(3);
      }
    }
    assertThat(count(runId, "DONE")).isEqualTo(9);
    assertThat(count(runId, "OPEN")).isEqualTo(3);
  }

  @Test
  void aMissingInjectorTimesOutWithOneLineNamingItAndTheLateOneFailsWithTheSameLine() {
    String runId = "missing-" + System.nanoTime();
    HandClock clock = new HandClock();
    long from = clock.nanos;
    assertThatThrownBy(() -> barrier(runId, 1, 3, Duration.ofMinutes(2), clock).around(k -> {}).accept(0))
        .isInstanceOf(SequelaException.InjectorMissing.class)
        .hasMessage("injectors 2, 3 of 3 did not start within 2 min (run " + runId + ")");
    assertThat(clock.nanos - from).as("waited the whole timeout, no more than one poll beyond it")
        .isGreaterThan(Duration.ofMinutes(2).toNanos()).isLessThanOrEqualTo(Duration.ofMinutes(2).plusSeconds(1).toNanos());
    assertThat(clock.sleeps).isEqualTo(121);
    HandClock late = new HandClock();
    assertThatThrownBy(() -> barrier(runId, 3, 3, Duration.ofSeconds(5), late).around(k -> {}).accept(0))
        .isInstanceOf(SequelaException.InjectorMissing.class)
        .hasMessage("injectors 2, 3 of 3 did not start within 2 min (run " + runId + ")");
    assertThat(late.sleeps).as("the late one fails at once with the recorded line").isZero();
  }

  @Test
  void aBarrierPassesWhenTheLastInjectorArrivesBeforeTheTimeout() {
    String runId = "in-time-" + System.nanoTime();
    barrier(runId, 2, 2, Duration.ofSeconds(5)).arrive(0);
    HandClock clock = new HandClock() {
      @Override
      public void sleep(Duration d) {
        super.sleep(d);
        if (sleeps == 5) { // 5 s after injector 1 arrived, the timeout itself: injector 3 arrives just in time
          barrier(runId, 3, 3, Duration.ofSeconds(5)).arrive(0);
        }
      }
    };
    StageBarrier one = barrier(runId, 1, 3, Duration.ofSeconds(5), clock);
    one.arrive(0);
    one.awaitAll(0);
    assertThat(clock.sleeps).isEqualTo(5);
  }

  @Test
  void anInjectorWaitingForTheOpeningNamesTheOneThatDidNotFinish() throws Exception {
    String runId = "late-" + System.nanoTime();
    HandClock clock = new HandClock();
    StageBarrier one = barrier(runId, 1, 2, Duration.ofSeconds(30));
    StageBarrier two = barrier(runId, 2, 2, Duration.ofSeconds(90), clock);
    one.arrive(0);
    two.arrive(0);
    one.awaitAll(0);
    one.open(0);
    two.awaitOpen(0);
    two.arrive(1); // injector 2 finished stage 0; injector 1 never does
    assertThatThrownBy(() -> two.awaitOpen(1)).isInstanceOf(SequelaException.InjectorMissing.class)
        .hasMessage("injector 1 of 2 did not finish stage 0 ('t' ORDER) within 90 s (run " + runId + ")");
    assertThat(clock.sleeps).isEqualTo(91);
    assertThatThrownBy(() -> one.awaitAll(1)).isInstanceOf(SequelaException.InjectorMissing.class)
        .hasMessage("injector 1 of 2 did not finish stage 0 ('t' ORDER) within 90 s (run " + runId + ")");
  }

  @Test
  void aRunIdThatAlreadyRanIsRefusedBeforeAnyStage() {
    String runId = "again-" + System.nanoTime();
    StageBarrier first = barrier(runId, 1, 2, Duration.ofSeconds(5));
    first.arrive(0);
    first.open(0);
    assertThatThrownBy(() -> barrier(runId, 2, 2, Duration.ofSeconds(5)).arrive(0))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("sequela.run-id: run '" + runId + "' has already run (SEQUELA_STAGE holds its stages); give every run a new id");
  }

  @Test
  void twoInjectorsWithTheSameNumberAreRefused() {
    String runId = "twin-" + System.nanoTime();
    barrier(runId, 2, 2, Duration.ofSeconds(5)).arrive(0);
    assertThatThrownBy(() -> barrier(runId, 2, 2, Duration.ofSeconds(5)).arrive(0))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessageStartingWith("sequela.injector: injector 2 of run '" + runId + "' has already started");
  }

  @Test
  void runnersStartedAlikeClaimDistinctNumbersAndThenRunAsNumberedInjectors() throws Exception {
    String runId = "claim-" + System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Integer> numbers = new ArrayList<>();
    try {
      List<Future<Integer>> claims = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        claims.add(pool.submit(() -> StageBarrier.claim(db, runId, 3, "runner")));
      }
      for (Future<Integer> f : claims) {
        numbers.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3);
    assertThatThrownBy(() -> StageBarrier.claim(db, runId, 3, "a fourth runner")).isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("--injectors: all 3 injector numbers of run '" + runId + "' are taken");
    barrier(runId, 2, 3, Duration.ofSeconds(5)).arrive(0); // a claimed number starts as any other
    assertThat(count(runId, "START")).isEqualTo(1);
  }

  private static void probe(String runId, int stage, int injector) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO barrier_probe (run_id, stage, injector) VALUES (?, ?, ?)")) {
      ps.setString(1, runId);
      ps.setInt(2, stage);
      ps.setInt(3, injector);
      ps.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(String runId, String state) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sequela_stage WHERE run_id = ? AND state = ?")) {
      ps.setString(1, runId);
      ps.setString(2, state);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void pause(int ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.sequela.seqorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.sequela.config.SequenceMode;
import io.sequela.config.StageNode;
import io.sequela.db.Dialect;
import io.sequela.db.Pools;
import io.sequela.db.SessionColumns;
import io.sequela.db.Target;
import io.sequela.gaps.GapAnalysis;
import io.sequela.gaps.ModeFigures;
import io.sequela.gaps.TimeBasis;
import io.sequela.load.JdbcWorkers;
import io.sequela.load.Outcome;
import io.sequela.load.Work;
import io.sequela.stats.DifferenceInterval;
import io.sequela.stats.LatencyRecorder;
import io.sequela.stats.LatencySummary;
import io.sequela.testing.EmbeddedDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job's recording path on the embedded PostgreSQL, without Gatling: lean workers run the inserts, the
 * run's observer records their ns spans in µs ({@link InsertLatencies#recording}), and the gap analysis counts the
 * sessions the database wrote into DB_SESSION.
 */
class InsertTimingAndSessionsTest {

  private static Target pg;

  @TempDir
  Path tmp;

  @BeforeAll
  static void schema() throws SQLException {
    pg = EmbeddedDb.withJobExecutionSchema();
    try (Connection c = EmbeddedDb.connect(pg)) {
      SessionColumns.addMissing(c, Dialect.POSTGRESQL);
    }
  }

  private static Outcome run(JdbcWorkers w, long user, Work work) throws Exception {
    CompletableFuture<Outcome> done = new CompletableFuture<>();
    w.submit(user, work, done::complete);
    return done.get(30, TimeUnit.SECONDS);
  }

  private static void sql(String... statements) throws SQLException {
    try (Connection c = EmbeddedDb.connect(pg); Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  @Test
  void aKnownServerSideDelayLandsInTheMicrosecondFiguresWithinTolerance() throws Exception {
    sql("DROP TABLE IF EXISTS delay_probe", "DROP TABLE IF EXISTS plain_probe",
        "CREATE TABLE delay_probe (id bigserial, v integer)", "CREATE TABLE plain_probe (id bigserial, v integer)",
        "CREATE OR REPLACE FUNCTION delay_probe_sleep() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN PERFORM pg_sleep(0.002); RETURN NEW; END $$",
        "CREATE TRIGGER delay_probe_bi BEFORE INSERT ON delay_probe FOR EACH ROW EXECUTE FUNCTION delay_probe_sleep()");
    Histogram delayed;
    Histogram plain;
    try (LatencyRecorder recorder = LatencyRecorder.start(tmp.resolve("delay.hlog"), Duration.ofSeconds(1));
        JdbcWorkers w = JdbcWorkers.open(Pools.open(pg, "delay", 1), "delay", 1, System::currentTimeMillis)) {
      for (String table : List.of("delay_probe", "plain_probe")) {
        Work insert = Work.insert("INSERT INTO " + table + " (v) VALUES (?)", ps -> ps.setInt(1, 7))
            .observedBy(InsertLatencies.recording(recorder.channel(table)));
        for (int i = 0; i < 150; i++) {
          assertThat(run(w, 1, insert).ok()).isTrue();
        }
      }
      recorder.close();
      delayed = recorder.totals().get("delay_probe");
      plain = recorder.totals().get("plain_probe");
    }
    LatencySummary d = LatencySummary.of(delayed);
    assertThat(d.count()).isEqualTo(150);
    assertThat(delayed.getMinValue()).as("every insert sleeps 2 ms on the server: µs, not ms or ns").isGreaterThanOrEqualTo(1_990);
    assertThat(d.p50Us()).isBetween(2_000L, 12_000L);
    assertThat(List.of(d.p50Us(), d.p90Us(), d.p99Us(), d.p999Us(), d.maxUs())).isSorted();
    assertThat(LatencySummary.of(plain).p50Us()).isLessThan(d.p50Us());
    DifferenceInterval added = DifferenceInterval.ofMedians(delayed, plain, 0.95).orElseThrow();
    assertThat(added.estimate()).as("the trigger's 2,000 µs").isBetween(1_900.0, 5_000.0);
    assertThat(added.excludesZero()).isTrue();
  }

  @Test
  void sessionsEqualTheUsersOnACleanRunAndGrowWhenAConnectionIsTerminated() throws Exception {
    String runId = "sessions-" + System.nanoTime();
    List<Outcome> outcomes = new ArrayList<>();
    try (LatencyRecorder recorder = LatencyRecorder.start(tmp.resolve("sessions.hlog"), Duration.ofSeconds(1));
        JdbcWorkers w = JdbcWorkers.open(Pools.open(pg, "sessions", 2), "sessions", 2, System::currentTimeMillis)) {
      Work insert = JobExecutionInsert.work(1, "sessions", runId, "NOORDER", 1)
          .observedBy(InsertLatencies.recording(recorder.channel(new StageNode("sessions", SequenceMode.NOORDER, 1).tag())));
      for (int i = 0; i < 5; i++) {
        for (long user = 1; user <= 2; user++) {
          outcomes.add(run(w, user, insert));
        }
      }
      assertThat(outcomes).allMatch(Outcome::ok);
      assertThat(sessions(runId)).isEqualTo(2);

      terminateOneSession(runId);
      for (int i = 0; i < 5; i++) {
        for (long user = 1; user <= 2; user++) {
          outcomes.add(run(w, user, insert));
        }
      }
      recorder.close();
      long ok = outcomes.stream().filter(Outcome::ok).count();
      assertThat(ok).as("the insert on the terminated connection fails, the next one reconnects").isEqualTo(19);
      assertThat(recorder.totals().get(new StageNode("sessions", SequenceMode.NOORDER, 1).tag()).getTotalCount())
          .as("failed inserts are not recorded").isEqualTo(ok);
    }
    assertThat(sessions(runId)).isEqualTo(3);
    try (HikariDataSource ds = Pools.open(pg, "analysis", 1)) {
      ModeFigures coloured = GapAnalysis.run(ds, Dialect.POSTGRESQL, runId, List.of("sessions"), TimeBasis.SQL_DATE, true)
          .tests().get(0).mode(SequenceMode.NOORDER).orElseThrow();
      assertThat(coloured.sample().stream().map(ModeFigures.SamplePoint::session).distinct().count())
          .as("the chart coloured by session: every sampled row carries its session").isEqualTo(3);
    }
  }

  private static long sessions(String runId) {
    ModeFigures m;
    try (HikariDataSource ds = Pools.open(pg, "analysis", 1)) {
      m = GapAnalysis.run(ds, Dialect.POSTGRESQL, runId, List.of("sessions"), TimeBasis.SQL_DATE).tests().get(0)
          .mode(SequenceMode.NOORDER).orElseThrow();
    }
    assertThat(m.sessions().get(1).misroutedRows()).isZero();
    assertThat(m.sessions().get(1).instances()).isEmpty();
    return m.sessions().get(1).sessions();
  }

  /** Terminates the backend that inserted the run's first row and waits until it is gone. */
  private static void terminateOneSession(String runId) throws Exception {
    try (Connection c = EmbeddedDb.connect(pg);
        PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(CAST(db_session AS integer)), db_session FROM job_execution"
            + " WHERE run_id = ? ORDER BY job_execution_id LIMIT 1")) {
      ps.setString(1, runId);
      int pid;
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getBoolean(1)).isTrue();
        pid = rs.getInt(2);
      }
      for (int i = 0; i < 500; i++) {
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)) {
          rs.next();
          if (rs.getLong(1) == 0) {
            return;
          }
        }
        Thread.sleep(10);
      }
      throw new AssertionError("backend " + pid + " still alive after 5 s");
    }
  }
}

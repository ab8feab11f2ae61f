package io.sequela.seqorder;

import io.sequela.run.RunId;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.db.Pools;
import io.sequela.db.Target;
import io.sequela.load.JdbcWorkers;
import io.sequela.load.Outcome;
import io.sequela.load.Work;
import io.sequela.testing.EmbeddedDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SeqOrderSimulation's lean insert (JobExecutionInsert on JdbcWorkers) against the embedded PostgreSQL:
 * rows, reported outcomes, failures and closing.
 */
class JobExecutionInsertTest {

  private static Target pg;

  @BeforeAll
  static void schema() throws SQLException {
    pg = EmbeddedDb.withJobExecutionSchema();
  }

  private static Connection connect() throws SQLException {
    return EmbeddedDb.connect(pg);
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * {@link #count} once it equals {@code expected}, or after {@code withinMs}: a closed connection's backend
   * leaves pg_stat_activity a moment after the client has closed it.
   */
  private static long countWithin(String sql, long expected, long withinMs) throws Exception {
    long deadline = System.currentTimeMillis() + withinMs;
    long n = count(sql);
    while (n != expected && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
      n = count(sql);
    }
    return n;
  }

  private static JdbcWorkers open(String name, int users) {
    return JdbcWorkers.open(Pools.open(pg, name, users), name, users, System::currentTimeMillis);
  }

  /** Submits {@code n} inserts, spread over {@code users} virtual users, and waits for every outcome. */
  private static List<Outcome> insert(JdbcWorkers w, Work work, int users, int n) throws InterruptedException {
    List<Outcome> out = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      w.submit(i % users, work, o -> {
        out.add(o);
        done.countDown();
      });
    }
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  @Test
  void insertsBoundRowsThroughOneConnectionPerWorkerAndClosesThem() throws Exception {
    String run = RunId.next();
    JdbcWorkers w = open("node-7 NOORDER", 2);
    Work insert = JobExecutionInsert.work(7, "iw_test", run, "NOORDER", 1);
    List<Outcome> out = insert(w, insert, 2, 40);
    assertThat(out).hasSize(40).allSatisfy(o -> {
      assertThat(o.error()).isNull();
      assertThat(o.endMs()).isGreaterThanOrEqualTo(o.startMs());
      assertThat(o.rows()).isEqualTo(1);
    });
    assertThat(count("SELECT count(*) FROM job_execution WHERE run_id = '" + run
        + "' AND node = 7 AND test_name = 'iw_test' AND seq_mode = 'NOORDER' AND py_date <= sql_date")).isEqualTo(40);
    String sessions = "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'sequela node-7 NOORDER'";
    assertThat(count(sessions)).isEqualTo(2);
    w.close();
    assertThat(countWithin(sessions, 0, 5_000)).isZero();
    assertThat(insert(w, insert, 1, 1).get(0).error()).contains("closed");
  }

  @Test
  void everyFailedInsertIsReportedWithTheDriverMessageAndTheWorkerKeepsServing() throws Exception {
    String tooLong = "x".repeat(200); // seq_mode is varchar(8)
    try (JdbcWorkers w = open("node-8 bad", 1)) {
      List<Outcome> out = insert(w, JobExecutionInsert.work(8, "iw_bad", RunId.next(), tooLong, 1), 1, 3);
      assertThat(out).hasSize(3).allSatisfy(o -> assertThat(o.error()).contains("value too long"));
    }
  }
}

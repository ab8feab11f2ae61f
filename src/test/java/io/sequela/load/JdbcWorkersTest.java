package io.sequela.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sequela.gatlingrun.DuplicateKeys;
import io.sequela.config.CommitPolicy;
import io.sequela.db.Pools;
import io.sequela.db.Target;
import io.sequela.testing.EmbeddedDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lean action's library part against the embedded PostgreSQL: queries read and count their rows,
 * failed statements become failed outcomes with the driver's message and SQLSTATE, each user's inserts and
 * commits share its worker's connection (commit policy "every N" commits at the right counts), and the
 * ms times are the ns span on the caller's clock.
 */
class JdbcWorkersTest {

  private static Target pg;

  @BeforeAll
  static void server() throws SQLException {
    pg = EmbeddedDb.withJobExecutionSchema();
  }

  private static void sql(String sql) throws SQLException {
    try (Connection c = EmbeddedDb.connect(pg); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static long count(String table) throws SQLException {
    try (Connection c = EmbeddedDb.connect(pg); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String table(String name) throws SQLException {
    sql("DROP TABLE IF EXISTS " + name);
    sql("CREATE TABLE " + name + " (id bigint PRIMARY KEY, payload varchar(8))");
    return name;
  }

  private static JdbcWorkers workers(String name, int n, boolean autocommit) {
    HikariConfig cfg = Pools.config(pg, name, n);
    cfg.setAutoCommit(autocommit);
    return JdbcWorkers.open(new HikariDataSource(cfg), name, n, System::currentTimeMillis);
  }

  /** Runs one unit of work for {@code user} and waits for its outcome. */
  private static Outcome run(JdbcWorkers w, long user, Work work) throws Exception {
    CompletableFuture<Outcome> done = new CompletableFuture<>();
    w.submit(user, work, done::complete);
    return done.get(30, TimeUnit.SECONDS);
  }

  private static Work insert(String table, long id) {
    return Work.insert("INSERT INTO " + table + " (id, payload) VALUES (?, ?)", ps -> {
      ps.setLong(1, id);
      ps.setString(2, "p" + id);
    });
  }

  @Test
  void aQueryReadsAndCountsItsRowsAndItsMsAreItsNsSpan() throws Exception {
    String t = table("lean_query");
    sql("INSERT INTO " + t + " SELECT g, 'r' || g FROM generate_series(1, 25) g");
    try (JdbcWorkers w = workers("lean-query", 1, true)) {
      AtomicReference<Outcome> observed = new AtomicReference<>();
      Work q = Work.query("SELECT id, payload FROM " + t + " WHERE id > ?", ps -> ps.setLong(1, 5)).observedBy(observed::set);
      Outcome o = run(w, 1, q);
      assertThat(o.ok()).as(o.error()).isTrue();
      assertThat(o.rows()).isEqualTo(20);
      assertThat(observed.get()).isSameAs(o);
      assertThat(run(w, 1, Work.query("SELECT id FROM " + t + " WHERE id > ?", ps -> ps.setLong(1, 99))).rows()).isZero();
      assertThat(o.durationNanos()).isPositive();
      long wholeMs = o.durationNanos() / 1_000_000;
      assertThat(o.endMs() - o.startMs()).isBetween(wholeMs, wholeMs + 1);
      assertThat(o.startMs()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(30_000L));
    }
  }

  @Test
  void aFailedStatementIsAFailedOutcomeWithTheDriversMessageAndSqlStateAndTheWorkerKeepsServing() throws Exception {
    String t = table("lean_fail");
    try (JdbcWorkers w = workers("lean-fail", 1, true)) {
      assertThat(run(w, 1, insert(t, 1)).ok()).isTrue();
      Outcome dup = run(w, 1, insert(t, 1));
      assertThat(dup.ok()).isFalse();
      assertThat(dup.sqlState()).isEqualTo("23505");
      assertThat(dup.errorCode()).as("PostgreSQL has no vendor code: the SQLSTATE is the code").isEqualTo("23505");
      assertThat(dup.error()).contains("duplicate key value violates unique constraint").endsWith("(SQLState: 23505)");
      assertThat(DuplicateKeys.isDuplicate(dup.error())).isTrue();
      assertThat(dup.rows()).isZero();
      Outcome missing = run(w, 1, Work.query("SELECT * FROM lean_no_such_table", null));
      assertThat(missing.sqlState()).isEqualTo("42P01");
      assertThat(missing.error()).contains("lean_no_such_table");
      Outcome next = run(w, 1, insert(t, 2));
      assertThat(next.ok()).as(next.error()).isTrue();
      assertThat(next.rows()).isEqualTo(1);
    }
    assertThat(count(t)).isEqualTo(2);
  }

  @Test
  void eachUsersInsertsAndCommitsShareItsConnectionAndCommitEveryNAtTheRightCounts() throws Exception {
    String t = table("lean_commit");
    CommitPolicy every3 = CommitPolicy.parse("every 3");
    CommitPolicy end = CommitPolicy.END;
    int total = 7;
    List<Long> visible = new ArrayList<>();
    int commits = 0;
    try (JdbcWorkers w = workers("lean-commit", 2, false)) {
      for (int i = 0; i < total; i++) {
        assertThat(run(w, 1, insert(t, 100 + i)).ok()).isTrue();
        assertThat(run(w, 2, insert(t, 200 + i)).ok()).isTrue();
        if (every3.commitsAfter(i, total)) {
          Outcome c = run(w, 1, Work.commit());
          assertThat(c.ok()).as(c.error()).isTrue();
          commits++;
        }
        if (end.commitsAfter(i, total)) {
          assertThat(run(w, 2, Work.commit()).ok()).isTrue();
        }
        visible.add(count(t));
      }
    }
    // user 1 commits after rows 3, 6 and 7; user 2 only after its last: had they shared a connection,
    // user 1's first commit would have made user 2's rows visible too
    assertThat(visible).containsExactly(0L, 0L, 3L, 3L, 3L, 6L, 14L);
    assertThat(commits).isEqualTo(3);
  }

  @Test
  void moreUsersThanWorkersAndWorkAfterCloseAreFailedOutcomes() throws Exception {
    String t = table("lean_refused");
    JdbcWorkers w = workers("lean-refused", 1, true);
    assertThat(run(w, 41, insert(t, 1)).ok()).isTrue();
    Outcome second = run(w, 42, insert(t, 2));
    assertThat(second.error()).contains("more virtual users than its 1 workers");
    assertThat(run(w, 41, insert(t, 3)).ok()).isTrue();
    w.close();
    assertThat(run(w, 41, insert(t, 4)).error()).contains("closed");
    assertThat(count(t)).isEqualTo(2);
  }

  @Test
  void runDoesTheWorkAndItsCompletionOnTheCallersThreadOnTheUsersOwnConnection() throws Exception {
    String t = table("lean_run_here");
    try (JdbcWorkers w = workers("lean-run-here", 1, false)) {
      List<Thread> threads = new ArrayList<>();
      List<Outcome> settled = new ArrayList<>();
      Work.Binder noBinding = ps -> {};
      for (long id = 1; id <= 2; id++) {
        w.run(7, insert(t, id).observedBy(o -> threads.add(Thread.currentThread())).settledBy(settled::add),
            o -> threads.add(Thread.currentThread()));
      }
      assertThat(settled).as("inserts inside the open transaction settle at its commit").isEmpty();
      w.run(7, Work.commit(), o -> threads.add(Thread.currentThread()));
      assertThat(threads).hasSize(5).containsOnly(Thread.currentThread());
      assertThat(settled).hasSize(2).allSatisfy(o -> assertThat(o.ok()).isTrue());
      assertThat(count(t)).isEqualTo(2);
      List<Outcome> refused = new ArrayList<>();
      w.run(8, Work.insert("SELECT 1", noBinding), refused::add);
      assertThat(refused).singleElement().satisfies(o -> assertThat(o.error()).contains("more virtual users"));
    }
  }

  /** Runs one unit of work and waits for its outcome; its final (settled) outcomes are added to {@code settled}. */
  private static Outcome run(JdbcWorkers w, long user, Work work, List<Outcome> settled) throws Exception {
    return run(w, user, work.settledBy(o -> {
      synchronized (settled) {
        settled.add(o);
      }
    }));
  }

  @Test
  void aFailureInATransactionRollsItBackAndItsEarlierInsertsSettleAsFailedNotAsRows() throws Exception {
    String t = table("lean_aborted");
    List<Outcome> settled = new ArrayList<>();
    try (JdbcWorkers w = workers("lean-aborted", 1, false)) {
      assertThat(run(w, 1, insert(t, 1), settled).ok()).isTrue();
      assertThat(run(w, 1, insert(t, 2), settled).ok()).isTrue();
      assertThat(settled).as("held until their transaction ends").isEmpty();
      Outcome dup = run(w, 1, insert(t, 1), settled);
      assertThat(dup.sqlState()).isEqualTo("23505");
      assertThat(settled).hasSize(3).allMatch(o -> !o.ok());
      assertThat(settled.subList(0, 2)).allSatisfy(o -> {
        assertThat(o.error()).startsWith("rolled back with its transaction: ERROR: duplicate key value");
        assertThat(o.sqlState()).isEqualTo("23505");
        assertThat(o.durationNanos()).as("the insert's own time is kept").isPositive();
      });
      // the worker rolled the transaction back, so the next insert starts a new one instead of failing 25P02
      Outcome next = run(w, 1, insert(t, 3), settled);
      assertThat(next.ok()).as(next.error()).isTrue();
      assertThat(run(w, 1, Work.commit(), settled).ok()).isTrue();
      assertThat(settled).hasSize(5);
      assertThat(settled.get(3)).isSameAs(next);
      assertThat(settled.get(4).ok()).as("the commit itself").isTrue();
    }
    assertThat(count(t)).isEqualTo(1);
  }

  @Test
  void insertsLeftUncommittedWhenTheWorkersCloseSettleAsRolledBack() throws Exception {
    String t = table("lean_uncommitted");
    List<Outcome> settled = new ArrayList<>();
    JdbcWorkers w = workers("lean-uncommitted", 1, false);
    assertThat(run(w, 1, insert(t, 1), settled).ok()).isTrue();
    w.close();
    assertThat(settled).singleElement().satisfies(o -> assertThat(o.error()).contains("not committed before its workers closed"));
    assertThat(count(t)).isZero();
  }

  @Test
  void autocommitWorkIsSettledAtOnceWithItsOwnOutcome() throws Exception {
    String t = table("lean_settled");
    List<Outcome> settled = new ArrayList<>();
    try (JdbcWorkers w = workers("lean-settled", 1, true)) {
      Outcome ok = run(w, 1, insert(t, 1), settled);
      Outcome dup = run(w, 1, insert(t, 1), settled);
      assertThat(settled).containsExactly(ok, dup);
    }
  }

  @Test
  void workersOverAPoolOpenedLaterFailUntilItOpensAndLeaveItOpenWhenTheyClose() throws Exception {
    String t = table("lean_over");
    AtomicReference<HikariDataSource> pool = new AtomicReference<>();
    try (JdbcWorkers w = JdbcWorkers.over(pool::get, "lean-over", 1, System::currentTimeMillis, io.sequela.db.Dialect.POSTGRESQL::errorCode)) {
      assertThat(run(w, 1, insert(t, 1)).error()).isEqualTo("lean-over: its pool is not open");
      pool.set(new HikariDataSource(Pools.config(pg, "lean-over", 1)));
      assertThat(run(w, 1, insert(t, 2)).ok()).isTrue();
    }
    assertThat(pool.get().isClosed()).isFalse();
    pool.get().close();
    assertThat(count(t)).isEqualTo(1);
  }
}

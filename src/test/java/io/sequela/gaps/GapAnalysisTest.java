package io.sequela.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sequela.db.Dialect;
import io.sequela.config.SequenceMode;
import io.sequela.db.Pools;
import io.sequela.db.SqlScripts;
import io.sequela.db.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class GapAnalysisTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 21, 12, 0);

  /**
   * The hand-made rows hold a duplicate id, which sequela's primary key refuses: they go to a JOB_EXECUTION of
   * their own without it (as a table from before the key, or a DBA's copy), in a schema of their own on the
   * shared embedded server.
   */
  @Test
  void handMadeRowsOnPostgresql() throws Exception {
    Target pg = Target.parse("embedded", null, null).resolve();
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password()); var st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS gaps_hand CASCADE");
      st.execute("CREATE SCHEMA gaps_hand");
    }
    HikariConfig cfg = Pools.config(pg, "test", 1);
    cfg.setConnectionInitSql("SET search_path TO gaps_hand");
    try (HikariDataSource ds = new HikariDataSource(cfg)) {
      checkHandMade(ds, Dialect.POSTGRESQL);
    }
  }

  @Test
  void handMadeRowsOnH2() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:gaps;DB_CLOSE_DELAY=-1");
    checkHandMade(ds, Dialect.H2);
  }

  private static void checkHandMade(DataSource ds, Dialect dialect) throws Exception {
    String run = "hand-" + dialect.name();
    try (Connection c = ds.getConnection()) {
      SqlScripts.run(c, dialect, "setup.sql");
      try (var st = c.createStatement()) {
        st.execute("ALTER TABLE job_execution DROP CONSTRAINT job_execution_pk");
      }
      insert(c, run, "mixed", SequenceMode.NOORDER, new long[] {1, 2, 101, 3, 102, 4}, new int[] {1, 1, 2, 1, 2, 1});
      insert(c, run, "mixed", SequenceMode.ORDER, new long[] {7, 8, 8, 9, 12, 13}, new int[] {1, 2, 2, 1, 1, 2});
    }
    GapAnalysisResult r = GapAnalysis.run(ds, dialect, run, List.of("mixed", "absent"), TimeBasis.SQL_DATE);

    assertThat(r.tests()).extracting(TestFigures::testName).containsExactly("mixed", "absent");
    assertThat(r.tests().get(1).modes()).isEmpty();
    ModeFigures n = r.tests().get(0).mode(SequenceMode.NOORDER).orElseThrow();
    assertThat(List.of(n.rows(), n.distinctIds(), n.duplicateIds(), n.minId(), n.maxId(), n.span(), n.missing()))
        .containsExactly(6L, 6L, 0L, 1L, 102L, 102L, 96L);
    assertThat(List.of(n.gapCount(), n.largestGap(), n.islands(), n.nodeSwitches())).containsExactly(1L, 96L, 2L, 1L);
    assertThat(n.meanIslandLength()).isEqualTo(3.0);
    assertThat(n.order()).isEqualTo(new OrderFigures(2, 3, 3, 0, 2));
    assertThat(n.gapSizes().counts().get(6)).isEqualTo(1L);
    assertThat(n.nodes().get(1)).extracting(NodeFigures::rows, NodeFigures::minId, NodeFigures::maxId)
        .containsExactly(4L, 1L, 4L);
    assertThat(n.nodes().get(2)).extracting(NodeFigures::rows, NodeFigures::minId, NodeFigures::maxId)
        .containsExactly(2L, 101L, 102L);
    assertThat(n.nodes().get(1).rowsPerSecond()).isEqualTo(4 / 5.0);
    assertThat(n.sample()).hasSize(6).first().isEqualTo(new ModeFigures.SamplePoint(0, 1, 1));

    // ORDER rows: ids in time order, one duplicate (8), one gap of 2 (10, 11 missing)
    ModeFigures o = r.tests().get(0).mode(SequenceMode.ORDER).orElseThrow();
    assertThat(List.of(o.rows(), o.distinctIds(), o.duplicateIds(), o.span(), o.missing(), o.gapCount(), o.largestGap()))
        .containsExactly(6L, 5L, 1L, 7L, 2L, 1L, 2L);
    assertThat(o.order()).isEqualTo(new OrderFigures(0, 0, 0, 0, 0));
    // in id order nodes run 1 | 2 2 | 1 1 | 2: islands 7 / 8 / 8 / 9 / 12 / 13 split at node changes, the
    // duplicate and the gap
    assertThat(List.of(o.islands(), o.nodeSwitches())).containsExactly(6L, 3L);
    assertThat(o.gapSizes().counts().get(1)).isEqualTo(1L);
  }

  @Test
  void pyDateBasisOrdersByTheLoadGeneratorClock() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:gaps-py;DB_CLOSE_DELAY=-1");
    try (Connection c = ds.getConnection()) {
      SqlScripts.run(c, Dialect.H2, "setup.sql");
      insert(c, "py", "t", SequenceMode.ORDER, new long[] {1, 2, 3}, new int[] {1, 1, 1});
      try (var st = c.createStatement()) {
        st.execute("UPDATE job_execution SET py_date = DATEADD(SECOND, 10 - 2 * MOD(job_execution_id, 100000000), py_date)");
      }
    }
    ModeFigures py = GapAnalysis.run(ds, Dialect.H2, "py", List.of("t"), TimeBasis.PY_DATE).tests().get(0)
        .mode(SequenceMode.ORDER).orElseThrow();
    assertThat(py.order().totalInversions()).isEqualTo(3);
  }

  /** One row per id, one second apart on both clocks, in the order given. */
  static void insert(Connection c, String run, String test, SequenceMode mode, long[] ids, int[] nodes)
      throws Exception {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_execution (job_execution_id, py_date, sql_date,"
        + " node, test_name, run_id, seq_mode) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < ids.length; i++) {
        ps.setLong(1, 20261121L * 100_000_000L + ids[i]);
        ps.setObject(2, T0.plusSeconds(i));
        ps.setObject(3, T0.plusSeconds(i));
        ps.setInt(4, nodes[i]);
        ps.setString(5, test);
        ps.setString(6, run);
        ps.setString(7, mode.name());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}

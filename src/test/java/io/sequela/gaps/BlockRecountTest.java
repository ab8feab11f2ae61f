package io.sequela.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sequela.config.SequenceMode;
import io.sequela.db.Dialect;
import io.sequela.db.Pools;
import io.sequela.db.SqlScripts;
import io.sequela.db.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every gap figure of a blocked run recounted by brute force from JOB_EXECUTION's rows, block by block, summed per
 * mode (issue 23): rows of ORDER and NOORDER blocks interleaved ABBA BAAB on one sequence, NOORDER's rows drawn
 * from per-session cache blocks, ORDER's in call order with a few late rows and lost values; warm-up rows (BLOCK_NO
 * 0) count nowhere. The brute force is OrderStreamTest's (pairs O(n^2), LAG over id and node).
 */
class BlockRecountTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 5, 12, 0);
  private static final SequenceMode[] ABBA_BAAB = {SequenceMode.ORDER, SequenceMode.NOORDER, SequenceMode.NOORDER,
      SequenceMode.ORDER, SequenceMode.NOORDER, SequenceMode.ORDER, SequenceMode.ORDER, SequenceMode.NOORDER};

  @Test
  void everyFigurePerBlockSummedPerModeMatchesABruteForceRecount() throws Exception {
    Target pg = Target.parse("embedded", null, null).resolve();
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password()); var st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS gaps_blocks CASCADE");
      st.execute("CREATE SCHEMA gaps_blocks");
    }
    HikariConfig cfg = Pools.config(pg, "test", 1);
    cfg.setConnectionInitSql("SET search_path TO gaps_blocks");
    Random rnd = new Random(23);
    List<long[]> idsOf = new ArrayList<>();
    List<int[]> nodesOf = new ArrayList<>();
    try (HikariDataSource ds = new HikariDataSource(cfg)) {
      try (Connection c = ds.getConnection()) {
        SqlScripts.run(c, Dialect.POSTGRESQL, "setup.sql");
        long next = 1_000;
        int at = 0;
        insert(c, 0, SequenceMode.NOORDER, new long[] {5, 1, 3}, new int[] {1, 2, 1}, at); // a warm-up's rows
        at += 3;
        for (int b = 0; b < ABBA_BAAB.length; b++) {
          long[] ids = ABBA_BAAB[b] == SequenceMode.ORDER ? orderIds(rnd, next, 150) : noorderIds(rnd, next, 150);
          int[] nodes = new int[ids.length];
          for (int i = 0; i < nodes.length; i++) {
            nodes[i] = ABBA_BAAB[b] == SequenceMode.NOORDER ? (int) ((ids[i] / 20) % 2) + 1 : rnd.nextInt(10) < 7 ? 1 : 2;
          }
          insert(c, b + 1, ABBA_BAAB[b], ids, nodes, at);
          at += ids.length;
          idsOf.add(ids);
          nodesOf.add(nodes);
          next = Arrays.stream(ids).max().orElseThrow() + 1 + rnd.nextInt(50); // a switch drops cached values
        }
      }
      GapAnalysisResult r = GapAnalysis.run(ds, Dialect.POSTGRESQL, "recount", List.of("blocks"), TimeBasis.SQL_DATE);
      for (SequenceMode mode : List.of(SequenceMode.ORDER, SequenceMode.NOORDER)) {
        ModeFigures m = r.tests().get(0).mode(mode).orElseThrow();
        long rows = 0, distinct = 0, dup = 0, gaps = 0, largest = 0, islands = 0, switches = 0, span = 0;
        long adjacent = 0, total = 0, cross = 0, same = 0, displacement = 0;
        long[] sizes = new long[GapHistogram.BUCKETS.size()];
        int blocks = 0;
        for (int b = 0; b < ABBA_BAAB.length; b++) {
          if (ABBA_BAAB[b] != mode) {
            continue;
          }
          blocks++;
          long[] ids = idsOf.get(b);
          int[] nodes = nodesOf.get(b);
          IdOrderFigures walk = OrderStreamTest.lagOverIdAndNode(ids, nodes);
          OrderFigures order = OrderStreamTest.bruteForce(ids, nodes);
          rows += ids.length;
          distinct += walk.distinctIds();
          dup += walk.duplicateIds();
          gaps += walk.gapCount();
          largest = Math.max(largest, walk.largestGap());
          islands += walk.islands();
          switches += walk.nodeSwitches();
          span += walk.maxId() - walk.minId() + 1;
          for (int i = 0; i < sizes.length; i++) {
            sizes[i] += walk.gapSizes().counts().get(i);
          }
          adjacent += order.adjacentInversions();
          total += order.totalInversions();
          cross += order.crossNodeInversions();
          same += order.sameNodeInversions();
          displacement = Math.max(displacement, order.maxDisplacement());
        }
        assertThat(m.blocks()).as(mode + " blocks").hasSize(blocks);
        assertThat(List.of(m.rows(), m.distinctIds(), m.duplicateIds(), m.gapCount(), m.largestGap(), m.islands(),
            m.nodeSwitches(), m.span(), m.missing())).as(mode.name())
            .containsExactly(rows, distinct, dup, gaps, largest, islands, switches, span, span - distinct);
        assertThat(m.order()).as(mode.name()).isEqualTo(new OrderFigures(adjacent, total, cross, same, displacement));
        assertThat(m.gapSizes().counts()).as(mode.name()).isEqualTo(Arrays.stream(sizes).boxed().toList());
        var json = io.sequela.report.SequenceGapsJsonAccess.mode(r, Latencies.none(), "blocks", mode);
        assertThat(json.get("gap_count").asLong()).isEqualTo(gaps);
        assertThat(json.get("missing").asLong()).isEqualTo(span - distinct);
        assertThat(json.get("inversions_total").asLong()).isEqualTo(total);
        assertThat(json.get("islands").asLong()).isEqualTo(islands);
        assertThat(json.get("blocks")).hasSize(blocks);
      }
      // the whole mode walked as one would count the other mode's ids in between as gaps: the blocks do not
      ModeFigures order = r.tests().get(0).mode(SequenceMode.ORDER).orElseThrow();
      assertThat(order.span()).isLessThan(order.maxId() - order.minId() + 1);
    }
  }

  /** ORDER: call order with a few rows swapped in time (late commits) and a few values lost. */
  private static long[] orderIds(Random rnd, long from, int n) {
    long[] ids = new long[n];
    long id = from;
    for (int i = 0; i < n; i++) {
      id += rnd.nextInt(25) == 0 ? 2 : 1;
      ids[i] = id;
    }
    for (int i = 0; i + 1 < n; i++) {
      if (rnd.nextInt(8) == 0) {
        long t = ids[i];
        ids[i] = ids[i + 1];
        ids[i + 1] = t;
      }
    }
    return ids;
  }

  /** NOORDER: two sessions each drawing from its own cache of 20, taking turns at random; the rest of a cache lost. */
  private static long[] noorderIds(Random rnd, long from, int n) {
    long base = (from / 20 + 1) * 20;
    long[] next = {base, base + 20};
    long top = base + 40;
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      int s = rnd.nextInt(2);
      if (next[s] % 20 == 0 && next[s] != base && next[s] != base + 20 && rnd.nextBoolean()) {
        next[s] = top;
        top += 20;
      }
      ids[i] = next[s]++;
      if (next[s] % 20 == 0) {
        next[s] = top;
        top += 20;
      }
    }
    return ids;
  }

  private static void insert(Connection c, int block, SequenceMode mode, long[] ids, int[] nodes, int at)
      throws Exception {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_execution (job_execution_id, py_date, sql_date,"
        + " node, test_name, run_id, seq_mode, block_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < ids.length; i++) {
        ps.setLong(1, 20261205L * 100_000_000L + ids[i] + (block == 0 ? 90_000_000L : 0));
        ps.setObject(2, T0.plusNanos((at + i) * 1_000_000L));
        ps.setObject(3, T0.plusNanos((at + i) * 1_000_000L));
        ps.setInt(4, nodes[i]);
        ps.setString(5, "blocks");
        ps.setString(6, "recount");
        ps.setString(7, mode.name());
        ps.setInt(8, block);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}

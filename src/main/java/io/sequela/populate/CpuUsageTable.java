package io.sequela.populate;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.db.SqlScripts;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The query benchmark's {@code cpu_usage} table on PostgreSQL: recreated, loaded and analysed. */
public final class CpuUsageTable {

  private static final Logger LOG = LoggerFactory.getLogger(CpuUsageTable.class);

  private CpuUsageTable() {}

  /**
   * Drops and recreates {@code cpu_usage} (sql/postgresql/cpu_usage.sql), loads it from {@code source}
   * and runs ANALYZE, on one autocommit connection.
   *
   * @return rows loaded
   * @throws SequelaException.InvalidInput for bad user data
   * @throws SequelaException.DatabaseFailure when the database refuses
   */
  public static long recreate(Connection c, CpuUsageSource source) {
    long t0 = System.nanoTime();
    SqlScripts.run(c, Dialect.POSTGRESQL, "cpu_usage.sql");
    long rows = source.load(c);
    try (Statement st = c.createStatement()) {
      st.execute("ANALYZE cpu_usage");
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("ANALYZE cpu_usage failed: " + e.getMessage(), e);
    }
    LOG.info("querybench - cpu_usage: {} rows ({}) in {} ms", rows, source.describe(), (System.nanoTime() - t0) / 1_000_000);
    return rows;
  }
}

package io.sequela.querybench;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.db.SqlScripts;
import java.sql.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The query benchmark's {@code cpu_usage} table: recreated, loaded and analysed by the dialect's scripts. */
public final class CpuUsageTable {

  private static final String TABLE_SCRIPT = "cpu_usage.sql";
  private static final String INDEX_SCRIPT = "cpu_usage_index.sql";
  private static final Logger LOG = LoggerFactory.getLogger(CpuUsageTable.class);

  private CpuUsageTable() {}

  /**
   * Drops and recreates {@code cpu_usage} ({@code sql/<dialect>/cpu_usage.sql}), loads it from {@code source},
   * then adds the index on (host, ts) and runs ANALYZE ({@code cpu_usage_index.sql}), on one autocommit connection.
   *
   * @return rows loaded
   * @throws SequelaException.UnsupportedDialect for a database without those scripts (the benchmark's query is
   *     PostgreSQL's)
   * @throws SequelaException.InvalidInput for bad user data
   * @throws SequelaException.DatabaseFailure when the database refuses
   */
  public static long recreate(Connection c, Dialect dialect, CpuUsageSource source) {
    if (!SqlScripts.exists(dialect, TABLE_SCRIPT)) {
      throw new SequelaException.UnsupportedDialect("querybench supports " + Dialect.enumerate(Dialect.ALL.stream()
          .filter(d -> SqlScripts.exists(d, TABLE_SCRIPT)).map(Dialect::name).toList(), "and") + ", not " + dialect.name());
    }
    long t0 = System.nanoTime();
    SqlScripts.run(c, dialect, TABLE_SCRIPT);
    long rows = source.load(c, dialect);
    SqlScripts.run(c, dialect, INDEX_SCRIPT);
    LOG.info("querybench - cpu_usage: {} rows ({}) in {} ms", rows, source.describe(), (System.nanoTime() - t0) / 1_000_000);
    return rows;
  }
}

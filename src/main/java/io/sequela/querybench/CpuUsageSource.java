package io.sequela.querybench;

import io.sequela.db.Dialect;
import java.sql.Connection;

/**
 * Where the query benchmark's {@code cpu_usage(ts timestamptz, host text, usage double precision)} rows
 * come from: {@link ModelCpuUsage} (the populator's model, the default) or {@link CpuUsageCsv} (a user's file).
 */
@FunctionalInterface
public interface CpuUsageSource {

  /** One line for logs and reports, e.g. {@code COPY from data/cpu_usage.csv}. */
  default String describe() {
    return getClass().getSimpleName();
  }

  /**
   * Inserts the rows into the existing, empty {@code cpu_usage} table.
   *
   * @param dialect the connection's database
   * @return rows inserted
   * @throws io.sequela.SequelaException.InvalidInput for bad user data, naming the file and line
   * @throws io.sequela.SequelaException.DatabaseFailure when the database refuses
   */
  long load(Connection c, Dialect dialect);
}

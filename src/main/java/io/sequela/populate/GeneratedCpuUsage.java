package io.sequela.populate;

import io.sequela.SequelaException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * STAND-IN, to be replaced by the populator's model resources/models/cpu_usage.conf: the benchmark's
 * default data set (20 hosts {@code host_000000}..{@code host_000019}, one row every 10 s for 48 h from
 * 2017-01-01 00:00:00 UTC, 345,600 rows) from one {@code INSERT ... SELECT FROM generate_series}.
 * Usage is a deterministic value in [0, 100] with 2 decimals, so every run loads the same rows.
 */
public final class GeneratedCpuUsage implements CpuUsageSource {

  /** Rows in the default data set: 20 hosts x 17,280 ten-second steps. */
  public static final long ROWS = 345_600;

  private static final String INSERT = """
      INSERT INTO cpu_usage (ts, host, usage)
      SELECT TIMESTAMPTZ '2017-01-01 00:00:00+00' + make_interval(secs => s * 10),
             'host_' || lpad(h::text, 6, '0'),
             round((abs(sin(h * 7919 + s * 0.37)) * 100)::numeric, 2)::double precision
      FROM generate_series(0, 19) AS h, generate_series(0, 17279) AS s""";

  @Override
  public String describe() {
    return "generated stand-in: 20 hosts, every 10 s for 48 h from 2017-01-01 00:00:00 UTC";
  }

  @Override
  public long load(Connection c) {
    try (Statement st = c.createStatement()) {
      return st.executeUpdate(INSERT);
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("generating cpu_usage failed: " + e.getMessage(), e);
    }
  }
}

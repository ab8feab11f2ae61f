package io.sequela.db;

import io.sequela.SequelaException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The query benchmark's query on PostgreSQL: for one host, per minute within [start, end], the maximum
 * and minimum usage, ordered by minute.
 *
 * <p>Range ends: both are inclusive ({@code ts >= start AND ts <= end}); start and end are UTC wall
 * times, bound as parameters (never concatenated) and read as UTC whatever the session time zone.
 * Minute alignment: rows are filtered first, then grouped into calendar minutes (hh:mm:00 to hh:mm:59.999
 * UTC), so the first and last minute may be partial: a range starting 08:59:22 gives a bucket 08:59
 * holding only the rows from 08:59:22 on. Buckets use {@code time_bucket('1 minute', ts)} when the
 * TimescaleDB extension is installed, else {@code date_trunc('minute', ts)}; both give the same minutes.
 *
 * @param bucketExpression the SQL expression that maps {@code ts} to its minute
 */
public record CpuUsageQuery(String bucketExpression) {

  /** A comment at the start of the SQL text, so {@link TimingDataSource} can tell this query apart. */
  public static final String MARKER = "/* sequela-querybench */";

  private static final DateTimeFormatter TIMESTAMP_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  /** date_trunc, for plain PostgreSQL. */
  public static final CpuUsageQuery DATE_TRUNC = new CpuUsageQuery("date_trunc('minute', ts)");
  /** time_bucket, when the timescaledb extension is present. */
  public static final CpuUsageQuery TIME_BUCKET = new CpuUsageQuery("time_bucket('1 minute', ts)");

  /**
   * One row of the result.
   *
   * @param minute the start of the minute
   * @param maxUsage the highest usage in that minute within the range
   * @param minUsage the lowest usage in that minute within the range
   */
  public record MinuteRow(Instant minute, double maxUsage, double minUsage) {}

  /**
   * The query for this database: {@link #TIME_BUCKET} when the timescaledb extension is installed in
   * the connected database, else {@link #DATE_TRUNC}.
   *
   * @throws SequelaException.DatabaseFailure when the catalog cannot be read
   */
  public static CpuUsageQuery detect(Connection c) {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? TIME_BUCKET : DATE_TRUNC;
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("cannot look up the timescaledb extension: " + e.getMessage(), e);
    }
  }

  /** The SQL with JDBC {@code ?} placeholders, in the order host, start, end. */
  public String jdbcSql() {
    return sql("?", "?", "?");
  }

  /**
   * The SQL with the JDBC plugin's named placeholders {@code {host}}, {@code {start_time}} and
   * {@code {end_time}}; the times may be bound as text {@code yyyy-MM-dd HH:mm:ss} or as timestamps.
   */
  public String namedSql() {
    return sql("{host}", "{start_time}", "{end_time}");
  }

  /** A time as the text {@code yyyy-MM-dd HH:mm:ss} that {@link #namedSql()} accepts for start and end. */
  public static String timestampText(LocalDateTime t) {
    return TIMESTAMP_TEXT.format(t);
  }

  private String sql(String host, String start, String end) {
    return MARKER + " SELECT " + bucketExpression + " AS minute, max(usage) AS max_usage, min(usage) AS min_usage"
        + " FROM cpu_usage WHERE host = " + host
        + " AND ts >= CAST(" + start + " AS timestamp) AT TIME ZONE 'UTC'"
        + " AND ts <= CAST(" + end + " AS timestamp) AT TIME ZONE 'UTC'"
        + " GROUP BY 1 ORDER BY 1";
  }

  /**
   * Runs the query once over JDBC.
   *
   * @param host the host, e.g. {@code host_000008}
   * @param start the range start, UTC, inclusive
   * @param end the range end, UTC, inclusive
   * @return the minutes in order; empty for an unknown host or an empty range
   * @throws SequelaException.DatabaseFailure naming the host and range on an SQL error
   */
  public List<MinuteRow> run(Connection c, String host, LocalDateTime start, LocalDateTime end) {
    try (PreparedStatement ps = c.prepareStatement(jdbcSql())) {
      ps.setString(1, host);
      ps.setObject(2, start);
      ps.setObject(3, end);
      List<MinuteRow> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new MinuteRow(rs.getTimestamp(1).toInstant(), rs.getDouble(2), rs.getDouble(3)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("query for " + host + " from " + start + " to " + end + " failed: "
          + e.getMessage(), e);
    }
  }
}

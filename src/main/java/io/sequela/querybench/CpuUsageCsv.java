package io.sequela.querybench;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A user's {@code cpu_usage.csv} (header {@code ts,host,usage}, e.g.
 * {@code 2017-01-01 00:00:00+00,host_000000,58.1}) loaded through the dialect's CSV COPY (PostgreSQL). Timestamps
 * without an offset are read in the session time zone, which the load sets to UTC.
 */
final class CpuUsageCsv implements CpuUsageSource {

  /** The required header. */
  public static final String HEADER = "ts,host,usage";

  private final Path file;

  /** @param file the CSV file */
  public CpuUsageCsv(Path file) {
    this.file = file;
  }

  @Override
  public String describe() {
    return "COPY from " + file;
  }

  /**
   * Checks the file exists and has the header, before any database work.
   *
   * @throws SequelaException.InvalidInput naming the file
   */
  public void validateHeader() {
    if (!Files.isRegularFile(file)) {
      throw new SequelaException.InvalidInput(file + ": no such file");
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null || !header.strip().replace("\uFEFF", "").equalsIgnoreCase(HEADER)) {
        throw new SequelaException.InvalidInput(file + ": line 1: header must be " + HEADER + ", got '"
            + (header == null ? "" : header.strip()) + "'");
      }
    } catch (IOException e) {
      throw new SequelaException.InvalidInput(file + ": cannot read: " + e.getMessage());
    }
  }

  /**
   * @throws SequelaException.InvalidInput when the header is wrong or COPY rejects a line (the database's
   *     message names the line)
   * @throws SequelaException.UnsupportedDialect for a database without COPY
   */
  @Override
  public long load(Connection c, Dialect dialect) {
    validateHeader();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      try (var st = c.createStatement()) {
        st.execute("SET TIME ZONE 'UTC'");
      }
      return dialect.copyIn(c, "COPY cpu_usage (ts, host, usage) FROM STDIN WITH (FORMAT csv, HEADER true)", in);
    } catch (SQLException e) {
      String line = dialect.errorLine(e);
      if (e.getSQLState() != null && (e.getSQLState().startsWith("22") || e.getSQLState().startsWith("23"))) {
        throw new SequelaException.InvalidInput(file + ": " + line);
      }
      throw new SequelaException.DatabaseFailure("COPY from " + file + " failed: " + line, e);
    } catch (IOException e) {
      throw new SequelaException.DatabaseFailure("COPY from " + file + " failed: " + e.getMessage(), e);
    }
  }
}

package io.sequela.querybench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.db.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuUsageCsvTest {

  private static Connection connect() throws Exception {
    Target pg = Target.parse("embedded", null, null).resolve();
    return DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
  }

  @Test
  void loadsAUsersFileThroughCopyReadingTimesAsUtc(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("cpu_usage.csv");
    Files.writeString(f, "ts,host,usage\n2017-01-01 00:00:00,host_000000,58.1\n2017-01-01 00:00:10+00,host_000000,12.5\n"
        + "2017-01-01 00:00:00,host_000001,99.9\n");
    try (Connection c = connect()) {
      assertThat(CpuUsageTable.recreate(c, Dialect.POSTGRESQL, new CpuUsageCsv(f))).isEqualTo(3);
      try (ResultSet rs = c.createStatement().executeQuery(
          "SELECT count(*), sum(usage), min(extract(epoch FROM ts)) FROM cpu_usage")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(3);
        assertThat(rs.getDouble(2)).isEqualTo(170.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rs.getLong(3)).isEqualTo(1483228800L);
      }
    }
  }

  @Test
  void badLinesAndHeadersNameTheFileAndLine(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "ts,host,usage\n2017-01-01 00:00:00,host_000000,58.1\n2017-01-01 00:00:10,host_000000,lots\n");
    Path header = dir.resolve("header.csv");
    Files.writeString(header, "time,host,usage\n");
    try (Connection c = connect()) {
      assertThatThrownBy(() -> CpuUsageTable.recreate(c, Dialect.POSTGRESQL, new CpuUsageCsv(bad)))
          .isInstanceOf(SequelaException.InvalidInput.class)
          .hasMessageStartingWith(bad + ": COPY cpu_usage, line 3, column usage")
          .hasMessageContaining("lots");
      assertThatThrownBy(() -> new CpuUsageCsv(header).validateHeader())
          .hasMessage(header + ": line 1: header must be ts,host,usage, got 'time,host,usage'");
    }
  }
}

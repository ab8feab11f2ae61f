package io.sequela.populate;

import io.sequela.querybench.ModelCpuUsage;
import io.sequela.querybench.CpuUsageTable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * What a database lacks is a capability of its dialect, and the populator says so in one line naming the
 * dialects that have it: COPY (H2 loads with batches), the query benchmark's scripts, verify's MD5 projection.
 */
class DialectCapabilitiesTest {

  @Test
  void h2HasNoCopyAndNoQueryBenchTable() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:capabilities;DB_CLOSE_DELAY=-1", "sa", "")) {
      assertThat(Dialect.H2.supportsCopy()).isFalse();
      assertThat(Dialect.POSTGRESQL.supportsCopy()).isTrue();
      assertThatThrownBy(() -> Dialect.H2.copyIn(c, "COPY t (a) FROM STDIN"))
          .isInstanceOf(SequelaException.UnsupportedDialect.class);
      assertThatThrownBy(() -> Dialect.H2.copyIn(c, "COPY t (a) FROM STDIN", new StringReader("1\n")))
          .isInstanceOf(SequelaException.UnsupportedDialect.class);
      assertThatThrownBy(() -> CpuUsageTable.recreate(c, Dialect.H2, ModelCpuUsage.benchmarkDefault()))
          .isInstanceOf(SequelaException.UnsupportedDialect.class)
          .hasMessage("querybench supports postgresql, not h2");
      try (ResultSet rs = c.getMetaData().getTables(null, null, "CPU_USAGE", null)) {
        assertThat(rs.next()).as("no DDL ran").isFalse();
      }
    }
  }

  @Test
  void verifyHasAnMd5ProjectionInEveryDialect() {
    assertThat(Projection.sql(Dialect.ORACLE, ValueKind.TEXT, "c", false, false)).contains("STANDARD_HASH(c, 'MD5')");
    assertThat(Projection.sql(Dialect.H2, ValueKind.TEXT, "c", true, false)).isEqualTo("CAST(SUBSTRING(HASH('MD5', RTRIM(c)), 1, 8) AS BIGINT)");
    assertThat(Projection.sql(Dialect.POSTGRESQL, ValueKind.UUID, "c", false, false))
        .isEqualTo("('x' || SUBSTR(MD5(CAST(c AS VARCHAR)), 1, 16))::bit(64)::bigint");
  }
}

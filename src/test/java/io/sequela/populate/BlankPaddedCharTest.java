package io.sequela.populate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.db.Dialect;
import io.sequela.db.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * char(n) columns, as pgbench_accounts.filler char(84): the database pads values with blanks, verify
 * compares them without trailing blanks on both sides, and a changed value still fails verify.
 */
class BlankPaddedCharTest {

  /** Values end in blanks about a third of the time; one column's values are all empty. */
  private static final String MODEL = """
      seed = 84
      tables {
        padded {
          rows = 3000
          primary-key = [id]
          columns = [
            { name = id,     type = integer,   gen = sequence, start = 1 }
            { name = code,   type = "char(6)", gen = string, alphabet = "ab ", min-length = 0, max-length = 6 }
            { name = filler, type = "char(84)", gen = categorical, values = [""] }
          ]
        }
      }
      """;

  @Test
  void charColumnsLoadPaddedAndVerifyOnPostgresql() throws Exception {
    Model model = ModelLoader.parseString(MODEL);
    Target pg = Target.parse("embedded", null, null).resolve();
    for (int threads : new int[] {1, 2}) {  // binary COPY FREEZE, then binary COPY ranges
      Populator.load(model, pg, threads);
      DatabaseStatus expected = Fingerprints.expected(model);
      assertThat(Fingerprints.mismatches(expected, Fingerprints.measure(pg, expected))).isEmpty();
    }
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password()); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT pg_column_size(filler) FROM padded WHERE id = 1")) {
        rs.next();
        assertThat(rs.getInt(1)).as("stored blank-padded to 84").isEqualTo(85);
      }
      st.executeUpdate("UPDATE padded SET code = 'zz' WHERE id = 7");
      DatabaseStatus expected = Fingerprints.expected(model);
      assertThat(Fingerprints.mismatches(expected, Fingerprints.measure(c, Dialect.POSTGRESQL, expected)))
          .isNotEmpty().allMatch(line -> line.startsWith("padded.code: "));
    }
  }

  @Test
  void charColumnsLoadPaddedAndVerifyOnH2() throws Exception {
    Model model = ModelLoader.parseString(MODEL);
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:padded;DB_CLOSE_DELAY=-1");
    Populator.load(model, ds, Dialect.H2, 2, Schema.CREATE, Progress.none());
    DatabaseStatus expected = Fingerprints.expected(model);
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT filler FROM padded WHERE id = 1")) {
        rs.next();
        assertThat(rs.getString(1)).as("H2 returns the blanks").hasSize(84).isBlank();
      }
      assertThat(Fingerprints.mismatches(expected, Fingerprints.measure(c, Dialect.H2, expected))).isEmpty();
      st.executeUpdate("UPDATE padded SET code = 'zz' WHERE id = 7");
      assertThat(Fingerprints.mismatches(expected, Fingerprints.measure(c, Dialect.H2, expected)))
          .isNotEmpty().allMatch(line -> line.startsWith("padded.code: "));
    }
  }
}

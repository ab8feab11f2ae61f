package io.sequela.populate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.db.Dialect;
import io.sequela.db.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class PopulateVerifyTest {

  @Test
  void populateThenVerifyIsGreenOnEmbeddedPostgresql() throws Exception {
    Model model = TestModels.allGenerators();
    Target target = Target.parse("embedded", null, null).resolve();
    LoadResult r = Populator.load(model, target, 2);
    assertThat(r.rows()).isEqualTo(1500);
    DatabaseStatus expected = Fingerprints.expected(model);
    assertThat(Fingerprints.mismatches(expected, Fingerprints.measure(target, expected))).isEmpty();

    try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
        Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE parent SET ratio = ratio + 0.5 WHERE id = 13");
      List<String> bad = Fingerprints.mismatches(expected, Fingerprints.measure(c, Dialect.POSTGRESQL, expected));
      assertThat(bad).isNotEmpty().allMatch(line -> line.startsWith("parent.ratio: "));
    }
  }

  @Test
  void populateThenVerifyIsGreenOnH2WithJdbcBatches() throws Exception {
    Model model = TestModels.allGenerators();
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:populate;DB_CLOSE_DELAY=-1");
    Populator.load(model, ds, Dialect.H2, 2, Schema.CREATE, Progress.none());
    DatabaseStatus expected = Fingerprints.expected(model);
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      assertThat(Fingerprints.mismatches(expected, Fingerprints.measure(c, Dialect.H2, expected))).isEmpty();
      st.executeUpdate("UPDATE parent SET word = 'tampered' WHERE id = 10");
      assertThat(Fingerprints.mismatches(expected, Fingerprints.measure(c, Dialect.H2, expected)))
          .isNotEmpty().allMatch(line -> line.startsWith("parent.word: "));
    }
  }
}

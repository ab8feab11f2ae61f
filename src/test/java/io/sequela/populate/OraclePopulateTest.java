package io.sequela.populate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.db.Target;
import io.sequela.keys.Uuids;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The populator on an Oracle target: a model that would store {@code ''} is refused at validation, naming the
 * column, before any database work; pre-seeded UUID keys land in RAW(16) as their 16 bytes; verify's Oracle
 * projections of numbers and timestamps match the model (on H2 in Oracle mode, which has no STANDARD_HASH: the
 * text and UUID projections are checked by {@code OracleDialectGrammarTest}).
 */
class OraclePopulateTest {

  private static final Dialect ORACLE = Dialect.ORACLE;
  private static final String KEYS = """
      seed = 3
      tables {
        keys {
          rows = 300
          columns = [
            { name = pk,      type = uuid,               gen = uuid, version = 7, start = "2024-01-01 00:00:00", step = 1ms }
            { name = n,       type = bigint,             gen = sequence, start = -5, step = 7 }
            { name = d,       type = "double precision", gen = uniform, min = -1.5, max = 2.5 }
            { name = at,      type = timestamptz,        gen = timestamp, start = "2017-01-01 00:00:00.25", step = 10s }
            { name = local,   type = timestamp,          gen = timestamp, start = "2020-02-29 23:59:59.5", step = 250ms }
            { name = payload, type = "varchar(12)",      gen = string, alphabet = "ab\\u00e9", min-length = 1, max-length = 12 }
          ]
        }
      }
      """;

  @Test
  void aStringWithMinLengthZeroIsRefusedOnOracleNamingTheColumnBeforeAnyConnection() {
    Model m = TestModels.allGenerators();
    // the host does not resolve: any database work would fail with a DatabaseFailure instead
    Target oracle = Target.parse("jdbc:oracle:thin:@//nohost.invalid:1521/svc", "scott", "tiger");
    assertThatThrownBy(() -> Populator.load(m, oracle, 1))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("tables.parent.columns.word.min-length: must be >= 1 on oracle, which stores '' as NULL (the column "
            + "is NOT NULL), got 0");
    assertThatCode(() -> m.checkLoadableInto(Dialect.POSTGRESQL)).doesNotThrowAnyException();
    assertThatCode(() -> m.checkLoadableInto(Dialect.H2)).doesNotThrowAnyException();
  }

  @Test
  void aCategoricalEmptyStringIsRefusedTooAndEveryProblemIsListed() {
    Model m = ModelLoader.parseString("""
        tables { t { rows = 1, columns = [
          { name = a, type = text, gen = categorical, values = ["x", ""] }
          { name = b, type = "char(3)", gen = string, min-length = 0, max-length = 3 }
        ] } }
        """);
    assertThatThrownBy(() -> m.checkLoadableInto(ORACLE))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessageContaining("tables.t.columns.a.values: must not hold \"\" on oracle")
        .hasMessageContaining("tables.t.columns.b.min-length: must be >= 1 on oracle");
  }

  @Test
  void preSeededUuidKeysAreRaw16BytesAndNumbersAndTimestampsVerify() throws SQLException {
    Model m = ModelLoader.parseString(KEYS);
    Table t = m.table("keys");
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:oracle_populate;MODE=Oracle;DB_CLOSE_DELAY=-1");
    try (Connection c = ds.getConnection()) {
      TableWriter.create(c, ORACLE, t);
      Populator.load(m, ds, ORACLE, 2, Schema.NONE, Progress.none());
      ColumnValues pk = ColumnValues.of(m, t, t.columns().get(0));
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pk FROM keys")) {
        java.util.Set<String> loaded = new java.util.HashSet<>();
        while (rs.next()) {
          loaded.add(java.util.HexFormat.of().formatHex(rs.getBytes(1)));
        }
        assertThat(loaded).hasSize(300).contains(java.util.HexFormat.of().formatHex(Uuids.toBytes(pk.asUuid(0))),
            java.util.HexFormat.of().formatHex(Uuids.toBytes(pk.asUuid(299))));
      }
      DatabaseStatus expected = numbersAndTimestamps(Fingerprints.expected(m));
      DatabaseStatus actual = Fingerprints.measure(c, ORACLE, expected);
      assertThat(expected.tables().get(0).columns()).hasSize(4);
      assertThat(Fingerprints.mismatches(expected, actual)).isEmpty();
    }
  }

  private static DatabaseStatus numbersAndTimestamps(DatabaseStatus s) {
    TableFingerprint t = s.tables().get(0);
    List<Fingerprint> cols = t.columns().stream()
        .filter(f -> f.kind() != ValueKind.TEXT && f.kind() != ValueKind.UUID).toList();
    return new DatabaseStatus(s.seed(), List.of(new TableFingerprint(t.table(), t.rows(), cols)));
  }
}

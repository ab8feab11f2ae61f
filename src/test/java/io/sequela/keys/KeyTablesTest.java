package io.sequela.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sequela.gatlingrun.DuplicateKeys;
import io.sequela.stats.BlockRecorder;
import io.sequela.db.Dialect;
import io.sequela.db.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every strategy's table on the embedded PostgreSQL and on H2: created, "seeded" with rows, finished with
 * its key and defaults, then filled by inserts binding what the simulation binds. Also: a generator made
 * to repeat a key gives duplicate-key errors that InsertOutcomes counts as duplicates.
 */
class KeyTablesTest {

  static Stream<Arguments> strategiesOnEachDatabase() {
    List<Arguments> out = new ArrayList<>();
    for (Dialect d : List.of(Dialect.POSTGRESQL, Dialect.H2)) {
      for (KeyStrategy s : KeyStrategy.all(d)) {
        out.add(Arguments.of(d.name(), s));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("strategiesOnEachDatabase")
  void insertsAfterSeededRowsGetUniqueKeys(String dialectName, KeyStrategy s) throws Exception {
    Dialect d = Dialect.named(dialectName);
    try (Connection c = connect(d)) {
      KeyTables.execute(c, s, KeyTables.drop(d, s));
      KeyTables.execute(c, s, List.of(KeyTables.create(d, s)));
      seedThreeRows(c, s);
      long firstFree = KeyTables.firstFreeKey(c, s);
      KeyTables.execute(c, s, KeyTables.finish(d, s, firstFree, 10));
      Snowflake snowflake = new Snowflake(1);
      var uuids = s.source() == KeyStrategy.Source.CLIENT_UUID ? Uuids.generator(Integer.parseInt(s.id().substring(4))) : null;
      long block = firstFree;
      for (int i = 0; i < 20; i++) {
        Object key = switch (s.source()) {
          case CLIENT_UUID -> uuids.get();
          case CLIENT_LONG -> s == KeyStrategy.SNOWFLAKE ? snowflake.next() : block++;
          case DATABASE -> null;
        };
        insert(c, s, key);
      }
      assertThat(count(c, "SELECT COUNT(*) FROM " + s.table())).isEqualTo(23);
      String keys = String.join(", ", s.keyColumns());
      assertThat(count(c, "SELECT COUNT(*) FROM (SELECT DISTINCT " + keys + " FROM " + s.table() + ") k")).isEqualTo(23);
      if (s == KeyStrategy.SEQ || s == KeyStrategy.SITE_SEQ) {
        assertThat(firstFree).isEqualTo(4);
        assertThat(count(c, "SELECT MIN(" + s.counterColumn() + ") FROM " + s.table() + " WHERE " + s.counterColumn() + " > 3"))
            .isEqualTo(4);
      }
      if (s == KeyStrategy.SITE_SEQ) {
        assertThat(count(c, "SELECT COUNT(*) FROM site_seq WHERE site_id = 9999")).isEqualTo(23);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aRepeatedKeyIsADuplicateKeyKoAndOtherErrorsAreNot(String dialectName) throws Exception {
    Dialect d = Dialect.named(dialectName);
    KeyStrategy s = KeyStrategy.UUID1;
    try (Connection c = connect(d)) {
      KeyTables.execute(c, s, KeyTables.drop(d, s));
      KeyTables.execute(c, s, List.of(KeyTables.create(d, s)));
      KeyTables.execute(c, s, KeyTables.finish(d, s, 1, 10));
      UUID repeated = Uuids.generator(1).get();
      BlockRecorder outcomes = new BlockRecorder();
      insert(c, s, repeated);
      for (int i = 0; i < 2; i++) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> insert(c, s, repeated));
        outcomes.record(0, false, DuplicateKeys.isDuplicate(e.getMessage()));
      }
      SQLException tooLong = catchThrowableOfType(SQLException.class, () -> {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO uuid1 (pk_col, payload) VALUES (?, ?)")) {
          ps.setObject(1, UUID.randomUUID());
          ps.setString(2, "x".repeat(129));
          ps.executeUpdate();
        }
      });
      outcomes.record(0, false, DuplicateKeys.isDuplicate(tooLong.getMessage()));
      assertThat(outcomes.ko()).isEqualTo(3);
      assertThat(outcomes.duplicates()).isEqualTo(2);
      assertThat(count(c, "SELECT COUNT(*) FROM uuid1")).isEqualTo(1);
    }
  }

  static Stream<String> databases() {
    return Stream.of("postgresql", "h2");
  }

  private static Connection connect(Dialect d) throws SQLException {
    if (d == Dialect.H2) {
      return DriverManager.getConnection("jdbc:h2:mem:keytables;DB_CLOSE_DELAY=-1", "sa", "");
    }
    Target pg = Target.parse("embedded", null, null).resolve();
    return DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
  }

  /** Stand-in for the populator: three rows with the seeded shape (counter 1..3, UUIDs from 2017). */
  private static void seedThreeRows(Connection c, KeyStrategy s) throws SQLException {
    for (long i = 1; i <= 3; i++) {
      List<String> cols = new ArrayList<>(s.keyColumns());
      cols.add(KeyStrategy.PAYLOAD_COLUMN);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + s.table() + " (" + String.join(", ", cols) + ") VALUES ("
          + "?, ".repeat(cols.size() - 1) + "?)")) {
        int p = 1;
        if (s == KeyStrategy.SITE_SEQ) {
          ps.setLong(p++, KeyStrategy.SITE_ID);
        }
        if (s.source() == KeyStrategy.Source.CLIENT_UUID) {
          ps.setObject(p++, new UUID(0x0150_0000_0000_1000L + i, 0x8000_0000_0000_0000L + i));
        } else {
          ps.setLong(p++, i);
        }
        ps.setString(p, "seeded");
        ps.executeUpdate();
      }
    }
  }

  private static void insert(Connection c, KeyStrategy s, Object key) throws SQLException {
    List<String> cols = s.clientColumns();
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + s.table() + " (" + String.join(", ", cols) + ") VALUES ("
        + "?, ".repeat(cols.size() - 1) + "?)")) {
      if (key != null) {
        ps.setObject(1, key);
      }
      ps.setString(cols.size(), "0123456789abcdef0123456789abcdef");
      ps.executeUpdate();
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

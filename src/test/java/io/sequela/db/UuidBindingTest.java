package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each dialect binds a UUID key to its {@code uuidKeyType()} column so that it reads back unchanged:
 * PostgreSQL uuid and H2 UUID through setObject; Oracle's RAW(16) is {@link OracleUuidBindingTest}.
 */
class UuidBindingTest {

  private static final UUID KEY = UUID.fromString("01234567-89ab-7def-8123-456789abcdef");

  private static Connection connect(Dialect d) throws SQLException {
    if (d == Dialect.POSTGRESQL) {
      Target pg = Target.parse("embedded", null, null).resolve();
      return DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
    }
    return DriverManager.getConnection("jdbc:h2:mem:uuid_" + d.name() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  private static void createTable(Connection c, Dialect d) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS uuid_binding");
      st.execute("CREATE TABLE uuid_binding (k " + d.uuidKeyType() + " NOT NULL PRIMARY KEY)");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "h2"})
  void aBoundUuidReadsBackAsTheSameUuid(String name) throws SQLException {
    Dialect d = Dialect.named(name);
    try (Connection c = connect(d)) {
      createTable(c, d);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO uuid_binding (k) VALUES (?)")) {
        d.bindUuid(ps, 1, KEY);
        ps.executeUpdate();
        ps.setObject(1, d.uuidSessionValue(new UUID(1, 2)));
        ps.executeUpdate();
      }
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT k FROM uuid_binding ORDER BY k")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject(1, UUID.class)).isEqualTo(new UUID(1, 2));
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject(1, UUID.class)).isEqualTo(KEY);
      }
    }
  }
}

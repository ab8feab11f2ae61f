package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.keys.Uuids;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Oracle's UUID keys are RAW(16), and ojdbc cannot bind a {@code java.util.UUID} ("Invalid column type"): the
 * dialect hands the driver the 16 bytes, most significant first ({@link Uuids#toBytes}), for every version the
 * key strategies draw; the JDBC plugin's session value is the 32 hex digits, a String Oracle converts to RAW(16).
 * Checked on H2 in Oracle mode, which takes RAW(16).
 */
class OracleUuidBindingTest {

  private static final Dialect ORACLE = Dialect.ORACLE;

  private static Connection oracleMode() throws SQLException {
    return DriverManager.getConnection("jdbc:h2:mem:uuid_oracle;MODE=Oracle;DB_CLOSE_DELAY=-1", "sa", "");
  }

  @Test
  void everyUuidVersionIsBoundAsItsSixteenBytesIntoRaw16AndReadsBackUnchanged() throws SQLException {
    assertThat(ORACLE.uuidKeyType()).isEqualTo("RAW(16)");
    try (Connection c = oracleMode(); Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS uuid_binding");
      st.execute("CREATE TABLE uuid_binding (v NUMBER(1) NOT NULL, k " + ORACLE.uuidKeyType() + " NOT NULL PRIMARY KEY)");
      UUID[] keys = {Uuids.generator(1).get(), Uuids.generator(4).get(), Uuids.generator(7).get()};
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO uuid_binding (v, k) VALUES (?, ?)")) {
        for (UUID k : keys) {
          ps.setInt(1, k.version());
          ORACLE.bindUuid(ps, 2, k);
          ps.executeUpdate();
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT v, k FROM uuid_binding ORDER BY v")) {
        for (UUID k : keys) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(k.version());
          assertThat(rs.getBytes(2)).hasSize(16).isEqualTo(Uuids.toBytes(k));
        }
      }
    }
  }

  @Test
  void theDriverIsHandedBytesNeverAUuidObject() throws SQLException {
    UUID key = UUID.fromString("01234567-89ab-7def-8123-456789abcdef");
    try (Connection c = oracleMode(); PreparedStatement ps = c.prepareStatement("SELECT ? FROM dual")) {
      ORACLE.bindUuid(ps, 1, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getObject(1)).isInstanceOf(byte[].class).isNotInstanceOf(UUID.class);
        assertThat((byte[]) rs.getObject(1)).isEqualTo(Uuids.toBytes(key));
      }
    }
    assertThat(ORACLE.uuidSessionValue(key)).isInstanceOf(String.class).isEqualTo(Uuids.toHex(key))
        .isEqualTo("0123456789ab7def8123456789abcdef");
  }
}

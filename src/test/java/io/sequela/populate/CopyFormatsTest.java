package io.sequela.populate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import io.sequela.db.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The three COPY paths into PostgreSQL (binary ranges, binary frozen, text) give the same, verified rows. */
class CopyFormatsTest {

  /** Every column type, with non-ASCII and escape-needing text and a timestamp without time zone. */
  static final String TYPES = """
      seed = 3
      tables {
        types {
          rows = 700
          primary-key = [id]
          columns = [
            { name = id,    type = bigint,             gen = sequence, start = -5 }
            { name = s,     type = smallint,           gen = uniform, min = -32768, max = 32767 }
            { name = i,     type = integer,            gen = uniform, min = -2147483648, max = 2147483647 }
            { name = d,     type = "double precision", gen = normal, mean = 0, stddev = 1e9 }
            { name = at,    type = timestamptz,        gen = timestamp, start = "1999-12-31 23:59:59.999999", step = 1us }
            { name = local, type = timestamp,          gen = timestamp, start = "1969-12-31 23:59:59", step = 333ms }
            { name = u,     type = uuid,               gen = uuid, version = 7 }
            { name = word,  type = "varchar(6)",       gen = string, alphabet = "x\\\\\\t\\u00e9\\u20ac", min-length = 0, max-length = 6 }
            { name = note,  type = text,               gen = string, min-length = 0, max-length = 300 }
          ]
        }
      }
      """;

  private static final Target PG = Target.parse("embedded", null, null).resolve();

  @Test
  void rangesOnMoreThreadsThanTablesGoThroughBinaryCopy() throws Exception {
    Model model = ModelLoader.parseString(TYPES);
    Populator.load(model, PG, 3);
    assertVerified(model);
  }

  @Test
  void oneThreadPerTableWritesFrozenRows() throws Exception {
    Model model = ModelLoader.parseString(TYPES);
    Populator.load(model, PG, 1);
    assertVerified(model);
    try (Connection c = connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT relpages, relallvisible FROM pg_class WHERE relname = 'types'")) {
      rs.next();
      // COPY FREEZE marks every page all-visible; a plain COPY leaves that to a later VACUUM
      assertThat(rs.getInt("relpages")).isPositive();
      assertThat(rs.getInt("relallvisible")).isEqualTo(rs.getInt("relpages"));
    }
  }

  @Test
  void existingTablesGoThroughTextCopyWhichConvertsTypes() throws Exception {
    Model model = ModelLoader.parseString(TYPES);
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS types");
      // numeric and text where the model says bigint and varchar: binary input would refuse them
      st.execute("CREATE TABLE types (id numeric(20), s smallint, i integer, d double precision, at timestamptz, "
          + "local timestamp(6), u uuid, word text, note text)");
    }
    Populator.load(model, PG, 2, Schema.NONE, Progress.none());
    assertVerified(model);
  }

  @Test
  void binaryRowsCarryTheTypeWidthsAndThe2000Epoch() throws Exception {
    Model model = ModelLoader.parseString(TYPES);
    Table t = model.table("types");
    RowBinary rows = new RowBinary(t, t.columns().stream().map(c -> ColumnValues.of(model, t, c)).toList());
    CopyBuffer buf = new CopyBuffer(16);
    rows.append(buf, 0);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(buf.bytes(), 0, buf.size());
    assertThat(b.getShort()).isEqualTo((short) 9);
    assertThat(b.getInt()).isEqualTo(8);
    assertThat(b.getLong()).isEqualTo(-5L);
    assertThat(b.getInt()).isEqualTo(2);
    b.getShort();
    assertThat(b.getInt()).isEqualTo(4);
    b.getInt();
    assertThat(b.getInt()).isEqualTo(8);
    b.getLong();
    assertThat(b.getInt()).isEqualTo(8);
    assertThat(b.getLong()).isEqualTo(-1L); // 1999-12-31 23:59:59.999999 is 1 µs before PostgreSQL's epoch
  }

  @Test
  void anIntegerTooWideForItsColumnFailsLikeTextInputInsteadOfWrapping() {
    Model model = ModelLoader.parseString("""
        tables {
          wide { rows = 3, columns = [{ name = id, type = bigint, gen = sequence, start = 40000 }] }
          narrow { rows = 3, columns = [{ name = id, type = smallint, gen = ref, table = wide, column = id }] }
        }
        """);
    assertThatThrownBy(() -> Populator.load(model, PG, 2))
        .isInstanceOf(SequelaException.DatabaseFailure.class)
        .hasMessageContaining("populate narrow: value 4000").hasMessageContaining("out of range for type smallint (column id)");
  }

  private static void assertVerified(Model model) throws Exception {
    DatabaseStatus expected = Fingerprints.expected(model);
    try (Connection c = connect()) {
      assertThat(Fingerprints.mismatches(expected, Fingerprints.measure(c, PG.dialect(), expected))).isEmpty();
    }
  }

  private static Connection connect() throws Exception {
    return DriverManager.getConnection(PG.jdbcUrl(), PG.user(), PG.password());
  }
}

package io.sequela.populate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.db.Dialect;
import io.sequela.db.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A COPY stream through the writer thread: many buffers arrive whole, and a refusal by the server surfaces. */
class CopyPipeTest {

  private static final Target PG = Target.parse("embedded", null, null).resolve();

  private static final String WIDE = """
      seed = 11
      tables {
        piped {
          rows = 120000
          columns = [
            { name = id,   type = bigint, gen = sequence, start = 1 }
            { name = note, type = text,   gen = string, min-length = 40, max-length = 84 }
          ]
        }
      }
      """;

  @Test
  void rowsSpanningManyBuffersArriveInOrderAndWhole() throws Exception {
    Model model = ModelLoader.parseString(WIDE);
    Table t = model.table("piped");
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS piped");
      st.execute("CREATE TABLE piped (id bigint, note text)");
      RangeLoader.load(c, Dialect.POSTGRESQL, new RowRange(t, 0, t.rows()), values(model, t), RangeLoader.Copy.BINARY, Progress.none());
      try (ResultSet rs = st.executeQuery("SELECT count(*), sum(id), sum(length(note)), pg_total_relation_size('piped') FROM piped")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(120_000);
        assertThat(rs.getLong(2)).isEqualTo(120_000L * 120_001 / 2);
        // about 7 MB of COPY data: dozens of RangeLoader.BUFFER_BYTES buffers went through the pipe
        assertThat(rs.getLong(3)).isGreaterThan(40L * 120_000);
        assertThat(rs.getLong(4)).isGreaterThan(CopyPipe.DEPTH * (long) RangeLoader.BUFFER_BYTES * 10);
      }
    }
  }

  @Test
  void aRowTheServerRefusesFailsTheLoadAndLeavesTheConnectionUsable() throws Exception {
    Model model = ModelLoader.parseString(WIDE);
    Table t = model.table("piped");
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS piped");
      st.execute("CREATE TABLE piped (id bigint CONSTRAINT id_small CHECK (id < 90000), note text)");
      assertThatThrownBy(() -> RangeLoader.load(c, Dialect.POSTGRESQL, new RowRange(t, 0, t.rows()), values(model, t),
          RangeLoader.Copy.BINARY, Progress.none()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("id_small");
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM piped")) {
        rs.next();
        assertThat(rs.getLong(1)).as("the load's transaction rolled back").isZero();
      }
    }
  }

  private static List<ColumnValues> values(Model model, Table t) {
    return t.columns().stream().map(col -> ColumnValues.of(model, t, col)).toList();
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(PG.jdbcUrl(), PG.user(), PG.password());
  }
}

package io.sequela.populate;

import io.sequela.db.Dialect;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes one row range: PostgreSQL through COPY in text format (the driver's CopyManager), streamed in
 * buffers of {@link #BUFFER_CHARS}; other databases through JDBC batches of {@link #BATCH_ROWS}, one
 * commit per range. Memory is bounded by one buffer or batch per thread, whatever the row count.
 */
final class RangeLoader {

  static final int BUFFER_CHARS = 256 * 1024;
  static final int BATCH_ROWS = 1000;

  private RangeLoader() {}

  static void load(Connection c, Dialect d, RowRange r, List<ColumnValues> values, Progress progress) throws SQLException {
    if (d == Dialect.POSTGRESQL) {
      copy(c, r, values, progress);
    } else {
      batch(c, r, values, progress);
    }
  }

  private static String columnList(Table t) {
    return t.columns().stream().map(Column::name).collect(Collectors.joining(", "));
  }

  private static void copy(Connection c, RowRange r, List<ColumnValues> values, Progress progress) throws SQLException {
    RowText text = new RowText(r.table(), values);
    CopyIn in = c.unwrap(PGConnection.class).getCopyAPI()
        .copyIn("COPY " + r.table().name() + " (" + columnList(r.table()) + ") FROM STDIN");
    try {
      StringBuilder sb = new StringBuilder(BUFFER_CHARS + 4096);
      long pending = 0;
      for (long row = r.from(); row < r.to(); row++) {
        text.append(sb, row);
        pending++;
        if (sb.length() >= BUFFER_CHARS) {
          byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
          in.writeToCopy(bytes, 0, bytes.length);
          sb.setLength(0);
          progress.advance(pending);
          pending = 0;
        }
      }
      byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
      in.writeToCopy(bytes, 0, bytes.length);
      in.endCopy();
      progress.advance(pending);
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  private static void batch(Connection c, RowRange r, List<ColumnValues> values, Progress progress) throws SQLException {
    Table t = r.table();
    String marks = String.join(", ", Collections.nCopies(values.size(), "?"));
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + t.name() + " (" + columnList(t) + ") VALUES (" + marks + ")")) {
      int n = 0;
      for (long row = r.from(); row < r.to(); row++) {
        bind(ps, t, values, row);
        ps.addBatch();
        if (++n == BATCH_ROWS) {
          ps.executeBatch();
          progress.advance(n);
          n = 0;
        }
      }
      ps.executeBatch();
      c.commit();
      progress.advance(n);
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  private static void bind(PreparedStatement ps, Table t, List<ColumnValues> values, long row) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ColumnValues v = values.get(i);
      switch (v.kind()) {
        case LONG -> ps.setLong(i + 1, v.asLong(row));
        case DOUBLE -> ps.setDouble(i + 1, v.asDouble(row));
        case TEXT -> ps.setString(i + 1, v.asText(row));
        case UUID -> ps.setObject(i + 1, v.asUuid(row));
        case TIMESTAMP -> {
          long micros = v.asLong(row);
          Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
          ps.setObject(i + 1, t.columns().get(i).type().withTimeZone()
              ? at.atOffset(ZoneOffset.UTC) : LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        }
      }
    }
  }
}

package io.sequela.populate;

import io.sequela.db.CopyStream;
import io.sequela.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes one row range. Where the dialect {@link Dialect#supportsCopy() supports COPY} (PostgreSQL): COPY
 * through {@link Dialect#copyIn(Connection, String)}, in binary format for tables
 * created from the model ({@link RowBinary}: the server parses nothing) and in text format otherwise
 * ({@link RowText}: the existing column types may differ from the model's and text input converts), streamed
 * in buffers of {@link #BUFFER_BYTES} through a {@link CopyPipe} (rows are made while the previous buffer is
 * sent), one transaction per range whose commit does not wait for the log flush
 * ({@link Dialect#unflushedTransactionSql()}). Other databases: JDBC batches of {@link #BATCH_ROWS}, one commit per range. Memory is
 * bounded by {@link CopyPipe#DEPTH} buffers or one batch per thread, whatever the row count.
 */
final class RangeLoader {

  static final int BUFFER_BYTES = 256 * 1024;
  static final int BATCH_ROWS = 1000;

  /** How a range reaches a database that takes COPY. */
  enum Copy {
    TEXT, BINARY,
    /** Binary, rows written frozen: only in the transaction that created or truncated the table. */
    BINARY_FREEZE
  }

  private RangeLoader() {}

  static void load(Connection c, Dialect d, RowRange r, List<ColumnValues> values, Copy format, Progress progress) throws SQLException {
    if (!d.supportsCopy()) {
      batch(c, d, r, values, progress);
      return;
    }
    inLoadTransaction(c, d, () -> copy(c, d, r, values, format, progress));
  }

  /** A step that needs a database, for {@link #inLoadTransaction}. */
  interface SqlStep {
    void run() throws SQLException;
  }

  /**
   * Runs {@code step} in one transaction that starts with the dialect's {@link Dialect#unflushedTransactionSql()}
   * (PostgreSQL: {@code synchronous_commit} off for it alone; a commit lost in a crash means reloading, which a
   * crashed load needs anyway), rolled back on any failure.
   */
  static void inLoadTransaction(Connection c, Dialect d, SqlStep step) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      for (String sql : d.unflushedTransactionSql()) {
        TableWriter.execute(c, sql);
      }
      step.run();
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  private static String columnList(Table t) {
    return t.columns().stream().map(Column::name).collect(Collectors.joining(", "));
  }

  /**
   * Streams rows [r.from, r.to) through one COPY in the connection's current transaction.
   *
   * @throws SQLException when the server refuses a row or the connection breaks; the COPY is cancelled
   */
  static void copy(Connection c, Dialect d, RowRange r, List<ColumnValues> values, Copy format, Progress progress)
      throws SQLException {
    Table t = r.table();
    String options = switch (format) {
      case TEXT -> "";
      case BINARY -> " WITH (FORMAT binary)";
      case BINARY_FREEZE -> " WITH (FORMAT binary, FREEZE)";
    };
    CopyStream in = d.copyIn(c, "COPY " + t.name() + " (" + columnList(t) + ") FROM STDIN" + options);
    try (CopyPipe pipe = new CopyPipe(in, BUFFER_BYTES + 4096)) {
      RowBinary binary = format == Copy.TEXT ? null : new RowBinary(t, values);
      RowText text = format == Copy.TEXT ? new RowText(t, values) : null;
      StringBuilder line = new StringBuilder(256);
      if (binary != null) {
        RowBinary.header(pipe.buffer());
      }
      long pending = 0;
      for (long row = r.from(); row < r.to(); row++) {
        CopyBuffer buf = pipe.buffer();
        if (binary != null) {
          binary.append(buf, row);
        } else {
          line.setLength(0);
          text.append(line, row);
          buf.putUtf8(line);
        }
        pending++;
        if (buf.size() >= BUFFER_BYTES) {
          pipe.handOff();
          progress.advance(pending);
          pending = 0;
        }
      }
      if (binary != null) {
        RowBinary.trailer(pipe.buffer());
      }
      pipe.finish();
      progress.advance(pending);
    }
  }

  private static void batch(Connection c, Dialect d, RowRange r, List<ColumnValues> values, Progress progress)
      throws SQLException {
    Table t = r.table();
    String marks = String.join(", ", Collections.nCopies(values.size(), "?"));
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + t.name() + " (" + columnList(t) + ") VALUES (" + marks + ")")) {
      int n = 0;
      for (long row = r.from(); row < r.to(); row++) {
        bind(ps, d, t, values, row);
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

  private static void bind(PreparedStatement ps, Dialect d, Table t, List<ColumnValues> values, long row) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ColumnValues v = values.get(i);
      switch (v.kind()) {
        case LONG -> ps.setLong(i + 1, v.asLong(row));
        case DOUBLE -> ps.setDouble(i + 1, v.asDouble(row));
        case TEXT -> ps.setString(i + 1, v.asText(row));
        case UUID -> d.bindUuid(ps, i + 1, v.asUuid(row));
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

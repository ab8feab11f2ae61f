package io.sequela.populate;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Writes rows in PostgreSQL's COPY binary format (PostgreSQL docs, "COPY", "Binary Format"): a header,
 * per row an int16 field count and per field an int32 length and the type's send/recv bytes, and an
 * int16 -1 trailer. The server parses nothing: integers go as 2, 4 or 8 bytes by the column type, doubles
 * as their IEEE 754 bits, timestamps as microseconds since 2000-01-01 00:00:00 UTC, uuids as 16 bytes,
 * text as UTF-8. The values are those of {@link RowText}; only the wire format differs. The column types
 * in the database must be exactly the model's (binary input does not convert), so use it only for
 * tables created from the model.
 */
final class RowBinary {

  /** Signature, flags (no OIDs) and header extension length 0. */
  private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
  /** Microseconds from 1970-01-01 to 2000-01-01 (PostgreSQL's timestamp epoch). */
  static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

  private final Table table;
  private final List<ColumnValues> values;
  private final int[] integerBytes;
  /** Per random-text column, a reused array for its chars; null for other columns. */
  private final char[][] textScratch;

  RowBinary(Table table, List<ColumnValues> values) {
    this.table = table;
    this.values = values;
    this.integerBytes = new int[values.size()];
    this.textScratch = new char[values.size()][];
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) instanceof ColumnValues.RandomText text) {
        textScratch[i] = new char[text.maxLength()];
      }
      integerBytes[i] = switch (table.columns().get(i).type().name()) {
        case "smallint" -> 2;
        case "integer" -> 4;
        default -> 8;
      };
    }
  }

  static void header(CopyBuffer out) {
    out.putBytes(HEADER);
  }

  static void trailer(CopyBuffer out) {
    out.putShort(-1);
  }

  /**
   * Appends one row.
   *
   * @throws SQLException (SQLSTATE 22003, as the server's text input would raise) when an integer does not fit
   *     its column, e.g. a ref to a bigint column from a smallint one: binary input would silently wrap it
   */
  void append(CopyBuffer out, long row) throws SQLException {
    out.putShort(values.size());
    for (int c = 0; c < values.size(); c++) {
      ColumnValues v = values.get(c);
      switch (v.kind()) {
        case LONG -> putInteger(out, v.asLong(row), c);
        case DOUBLE -> {
          out.putInt(8);
          out.putLong(Double.doubleToRawLongBits(v.asDouble(row)));
        }
        case TIMESTAMP -> {
          out.putInt(8);
          out.putLong(v.asLong(row) - PG_EPOCH_MICROS);
        }
        case TEXT -> putText(out, v, row, textScratch[c]);
        case UUID -> {
          UUID u = v.asUuid(row);
          out.putInt(16);
          out.putLong(u.getMostSignificantBits());
          out.putLong(u.getLeastSignificantBits());
        }
      }
    }
  }

  private static void putText(CopyBuffer out, ColumnValues v, long row, char[] scratch) {
    int start = out.startField();
    if (scratch != null) {
      out.putUtf8(scratch, ((ColumnValues.RandomText) v).chars(row, scratch));
    } else {
      out.putUtf8(v.asText(row));
    }
    out.endField(start);
  }

  private void putInteger(CopyBuffer out, long value, int column) throws SQLException {
    int bytes = integerBytes[column];
    if (bytes < 8 && value != (bytes == 2 ? (short) value : (int) value)) {
      Column col = table.columns().get(column);
      throw new SQLException("value " + value + " is out of range for type " + col.type() + " (column " + col.name() + ")", "22003");
    }
    out.putInt(bytes);
    switch (bytes) {
      case 2 -> out.putShort((int) value);
      case 4 -> out.putInt((int) value);
      default -> out.putLong(value);
    }
  }
}

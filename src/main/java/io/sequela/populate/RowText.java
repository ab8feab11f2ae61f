package io.sequela.populate;

import java.time.LocalDate;
import java.util.List;

/**
 * Writes rows in PostgreSQL's COPY text format: columns separated by a tab, rows ended by a newline,
 * backslash, tab, newline and carriage return escaped. Doubles use {@link Double#toString}, whose text
 * parses back to the same double on every JDK (its digits may differ between JDK 17 and 19+, the value
 * never does); timestamps are written as {@code yyyy-MM-dd HH:mm:ss.ffffff} (+00 for timestamptz).
 */
final class RowText {

  private final List<ColumnValues> values;
  private final boolean[] withTimeZone;

  RowText(Table table, List<ColumnValues> values) {
    this.values = values;
    this.withTimeZone = new boolean[values.size()];
    for (int i = 0; i < values.size(); i++) {
      withTimeZone[i] = table.columns().get(i).type().withTimeZone();
    }
  }

  void append(StringBuilder sb, long row) {
    for (int c = 0; c < values.size(); c++) {
      if (c > 0) {
        sb.append('\t');
      }
      ColumnValues v = values.get(c);
      switch (v.kind()) {
        case LONG -> sb.append(v.asLong(row));
        case DOUBLE -> sb.append(v.asDouble(row));
        case TIMESTAMP -> appendTimestamp(sb, v.asLong(row), withTimeZone[c]);
        case TEXT -> appendEscaped(sb, v.asText(row));
        case UUID -> sb.append(v.asUuid(row));
      }
    }
    sb.append('\n');
  }

  static void appendTimestamp(StringBuilder sb, long micros, boolean withTimeZone) {
    long secs = Math.floorDiv(micros, 1_000_000L);
    int fraction = (int) Math.floorMod(micros, 1_000_000L);
    long days = Math.floorDiv(secs, 86_400L);
    int sod = (int) Math.floorMod(secs, 86_400L);
    LocalDate d = LocalDate.ofEpochDay(days);
    pad(sb, d.getYear(), 4).append('-');
    pad(sb, d.getMonthValue(), 2).append('-');
    pad(sb, d.getDayOfMonth(), 2).append(' ');
    pad(sb, sod / 3600, 2).append(':');
    pad(sb, sod / 60 % 60, 2).append(':');
    pad(sb, sod % 60, 2);
    if (fraction != 0) {
      pad(sb.append('.'), fraction, 6);
    }
    if (withTimeZone) {
      sb.append("+00");
    }
  }

  private static StringBuilder pad(StringBuilder sb, int v, int width) {
    for (int p = width == 6 ? 100_000 : width == 4 ? 1000 : 10; p > v && p > 1; p /= 10) {
      sb.append('0');
    }
    return sb.append(v);
  }

  private static void appendEscaped(StringBuilder sb, String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) != '\\' && s.charAt(i) >= ' ') {
      i++;
    }
    if (i == s.length()) {
      sb.append(s);
      return;
    }
    sb.append(s, 0, i);
    for (; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(ch);
      }
    }
  }
}

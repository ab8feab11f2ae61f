package io.sequela.report;

import java.util.List;
import java.util.Locale;

/** HTML text helpers for report pages. */
public final class Html {

  private Html() {}

  /** Escapes {@code & < > " '} for text and attribute values; null becomes an empty string. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  /** A number for a table cell: integers as is, others with 2 decimals, null as an en dash. */
  public static String number(Number n) {
    if (n == null) {
      return "&ndash;";
    }
    if (n instanceof Long || n instanceof Integer) {
      return String.format(Locale.ROOT, "%,d", n.longValue());
    }
    return String.format(Locale.ROOT, "%,.2f", n.doubleValue());
  }

  /** A table: header cells then rows of cells (cells already escaped), in the report's table class. */
  public static String table(List<String> header, List<List<String>> rows) {
    StringBuilder b = new StringBuilder("<table class=\"statistics-in extensible-geant\">\n<thead><tr>");
    header.forEach(h -> b.append("<th class=\"header\"><span>").append(h).append("</span></th>"));
    b.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      b.append("<tr>");
      row.forEach(c -> b.append("<td class=\"value\">").append(c).append("</td>"));
      b.append("</tr>\n");
    }
    return b.append("</tbody></table>\n").toString();
  }
}

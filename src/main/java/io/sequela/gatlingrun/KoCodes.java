package io.sequela.gatlingrun;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error code a failed insert (a KO) carries in its Gatling message, {@code "[<code>] <driver message>"}:
 * the insert workers write it from the SQLException ({@code Dialect.errorCode}: vendor code such as MariaDB's
 * 1062, else the SQLSTATE such as PostgreSQL's 23505), and the runner reading simulation.log hands it on with
 * each KO, so the results count KOs per code.
 */
public final class KoCodes {

  /** The code of a KO whose message carries none (e.g. one written by another action). */
  public static final String UNKNOWN = "unknown";
  private static final Pattern CODED = Pattern.compile("^\\[([^\\]\\s]{1,32})] ");
  /** MariaDB's "(conn=12) " prefix, and a quoted or parenthesised number: an id or a session, unique per KO. */
  private static final Pattern PER_KO = Pattern.compile("^\\(conn=\\d+\\)\\s*|(?<=')\\d+(?=')|(?<==\\()\\d+(?=\\))");

  private KoCodes() {}

  /**
   * A KO message carrying its code. The values that make each message unique are replaced by {@code N} (a
   * duplicate id {@code 'N'}, PostgreSQL's {@code Key (id)=(N)}) and MariaDB's {@code (conn=12)} dropped, so
   * that Gatling's error table and console group the KOs by kind instead of listing each one.
   *
   * @param code the error code, no blanks or ']' (e.g. 1062, 23505, ORA-00001)
   * @param text the driver's message, passwords already masked
   */
  public static String message(String code, String text) {
    return "[" + code + "] " + PER_KO.matcher(text == null ? "" : text).replaceAll(r -> r.group().startsWith("(") ? "" : "N");
  }

  /** The code a KO message carries, {@link #UNKNOWN} when it carries none. */
  static String codeOf(String message) {
    if (message == null) {
      return UNKNOWN;
    }
    Matcher m = CODED.matcher(message);
    return m.find() ? m.group(1) : UNKNOWN;
  }
}

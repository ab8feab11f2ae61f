package io.sequela.gatlingrun;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error code in a failed request's message, the only trace a KO leaves in Gatling's simulation.log: an
 * Oracle vendor code ({@code ORA-00001}, more precise than Oracle's SQLSTATE), else the SQLSTATE the lean
 * action appends ({@code (SQLState: 23505)}), else H2's own {@code [23505-232]} suffix.
 */
public final class ErrorCodes {

  /** The code of a message that carries none (e.g. {@code workers are closed}). */
  public static final String NONE = "none";

  private static final Pattern ORACLE = Pattern.compile("\\bORA-\\d{5}\\b");
  private static final Pattern SQLSTATE = Pattern.compile("SQLState: ([0-9A-Z]{5})\\)");
  private static final Pattern H2 = Pattern.compile("\\[([0-9A-Z]{5})-\\d+]");

  private ErrorCodes() {}

  /** The message's code as above, or {@link #NONE}; {@link #NONE} for null. */
  public static String of(String message) {
    if (message == null) {
      return NONE;
    }
    Matcher m = ORACLE.matcher(message);
    if (m.find()) {
      return m.group();
    }
    String last = null;
    for (m = SQLSTATE.matcher(message); m.find(); ) {
      last = m.group(1);
    }
    if (last != null) {
      return last;
    }
    m = H2.matcher(message);
    return m.find() ? m.group(1) : NONE;
  }
}

package io.sequela.config;

import io.sequela.SequelaException;
import java.util.Locale;

/**
 * How a simulation sends its JDBC requests ({@code sequela.driver}): sequela's lean action, or the
 * org.galaxio Gatling JDBC plugin for anyone who wants the plugin's timings.
 */
public enum Driver {
  /** sequela's lean action: a worker thread and connection per virtual user, timed around execute in ns. */
  LEAN,
  /** The org.galaxio JDBC plugin: a pool checkout and a chain of futures per request, timed by the plugin in ms. */
  PLUGIN;

  /** The setting's path. */
  public static final String KEY = "sequela.driver";

  /**
   * Parses {@code lean} or {@code plugin} (any case).
   *
   * @throws SequelaException.InvalidInput {@code sequela.driver: must be lean or plugin, got 'x'}
   */
  public static Driver parse(String s) {
    String t = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "lean" -> LEAN;
      case "plugin" -> PLUGIN;
      default -> throw new SequelaException.InvalidInput(KEY + ": must be lean or plugin, got '" + s + "'");
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package io.sequela.config;

import com.typesafe.config.Config;
import io.sequela.SequelaException;
import java.util.Locale;

/**
 * The path a simulation's JDBC requests take ({@code sequela.request-path}; {@code sequela.driver} is its older
 * name, still read): sequela's lean action, or the org.galaxio Gatling JDBC plugin for anyone who wants the
 * plugin's timings (on the Maven profile {@code -Pjdbc-plugin} only, which pins Gatling 3.11.5).
 */
public enum RequestPath {
  /** sequela's lean action: a connection per virtual user, used on the user's own thread, timed around execute in ns. */
  LEAN,
  /** The org.galaxio JDBC plugin: a pool checkout and a chain of futures per request, timed by the plugin in ms. */
  PLUGIN;

  /** The setting's path. */
  public static final String KEY = "sequela.request-path";
  /** The setting's older name, kept as an alias. */
  public static final String ALIAS = "sequela.driver";

  /**
   * The request path of {@code -Dsequela.*} over reference.conf, read before anything else of a run (a simulation
   * checks that its build has the path's code before any database work).
   *
   * @throws SequelaException.InvalidInput as {@link #of}, or for an unknown {@code -Dsequela.*} key
   */
  public static RequestPath load() {
    return of(Settings.load());
  }

  /**
   * The request path of the settings: {@code sequela.driver} when it is set (not empty), else
   * {@code sequela.request-path}.
   *
   * @param root the whole configuration (paths from {@code sequela.})
   * @throws SequelaException.InvalidInput for a value that is neither lean nor plugin, or for both settings given
   *     with different values
   */
  public static RequestPath of(Config root) {
    RequestPath path = parse(KEY, root.getString(KEY));
    String alias = root.hasPath(ALIAS) ? root.getString(ALIAS) : "";
    if (alias.isBlank()) {
      return path;
    }
    RequestPath old = parse(ALIAS, alias);
    if (path != LEAN && path != old) {
      throw new SequelaException.InvalidInput(ALIAS + " (the older name of " + KEY + "): must agree with " + KEY
          + ", got " + old + " and " + path);
    }
    return old;
  }

  /**
   * Parses {@code lean} or {@code plugin} (any case).
   *
   * @throws SequelaException.InvalidInput {@code sequela.request-path: must be lean or plugin, got 'x'}
   */
  public static RequestPath parse(String s) {
    return parse(KEY, s);
  }

  private static RequestPath parse(String key, String s) {
    String t = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "lean" -> LEAN;
      case "plugin" -> PLUGIN;
      default -> throw new SequelaException.InvalidInput(key + ": must be lean or plugin, got '" + s + "'");
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}

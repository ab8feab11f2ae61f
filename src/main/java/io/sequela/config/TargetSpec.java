package io.sequela.config;

import com.typesafe.config.Config;
import io.sequela.SequelaException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a node connects, as a plan or a setting names it, parsed but not yet resolved: {@code db.Target.of}
 * turns it into a target (dialect, the embedded server's URL). Immutable; {@link #toString()} never shows the
 * password.
 *
 * <p>A connection string is one of:
 * <ul>
 *   <li>{@code embedded}: the embedded PostgreSQL of this JVM;
 *   <li>{@code galera}: the local 3-node MariaDB Galera cluster that the run starts (held as the URL
 *       {@code galera} until {@code db.Target} resolves it per node);
 *   <li>an Oracle EZConnect string {@code user/password@host:port/service}, which becomes
 *       {@code jdbc:oracle:thin:@//host:port/service};
 *   <li>a JDBC URL ({@code jdbc:postgresql:...}, {@code jdbc:oracle:thin:...}, {@code jdbc:h2:...},
 *       {@code jdbc:mariadb:...}) with
 *       credentials given beside it.
 * </ul>
 *
 * @param jdbcUrl the JDBC URL with no password in it, or {@code embedded}, or {@code galera}
 * @param user the user name, or null for the driver's default
 * @param password the password, or null
 * @param embedded true for the embedded PostgreSQL
 */
public record TargetSpec(String jdbcUrl, String user, String password, boolean embedded) {

  /** The connection string that selects the embedded PostgreSQL. */
  public static final String EMBEDDED = "embedded";
  /** The connection string that selects the local Galera cluster. */
  public static final String GALERA = "galera";

  private static final Pattern EZCONNECT =
      Pattern.compile("^([^/@:\\s]+)/([^@/\\s]*)@(?://)?([^:/@\\s]+)(?::([^/@\\s]+))?/([^@\\s]+)$");
  /** user/secret@ (EZConnect, Oracle thin), password=secret (URL parameters), //user:secret@ (URL authority). */
  private static final List<Pattern> SECRETS = List.of(
      Pattern.compile("([^/@:\\s]+)/[^@/\\s]*@"),
      Pattern.compile("(?i)(password=)[^&;\\s]*"),
      Pattern.compile("(//[^:/@\\s]+:)[^@/\\s]+@"));
  private static final List<String> MASKED = List.of("$1/***@", "$1***", "$1***@");

  /**
   * {@code sequela.target} (with {@code target-user} and {@code target-password}), which replaces every node's connection,
   * or null when it is not set.
   *
   * @param sequela the config under {@code sequela}
   * @throws SequelaException.InvalidInput {@code sequela.target: ...} when the string is none of the forms
   */
  static TargetSpec override(Config sequela) {
    if (!sequela.hasPath("target")) {
      return null;
    }
    try {
      return parse(sequela.getString("target"), optional(sequela, "target-user"), optional(sequela, "target-password"));
    } catch (SequelaException.InvalidInput e) {
      throw new SequelaException.InvalidInput("sequela.target: " + e.getMessage());
    }
  }

  private static String optional(Config c, String path) {
    return c.hasPath(path) ? c.getString(path) : null;
  }

  /**
   * Parses a node's connection string.
   *
   * @param connection {@code embedded}, an EZConnect string or a JDBC URL
   * @param user the user beside a JDBC URL, or null; ignored for EZConnect, which carries its own
   * @param password the password beside a JDBC URL, or null
   * @throws SequelaException.InvalidInput when the string is none of the three forms (the password masked)
   */
  public static TargetSpec parse(String connection, String user, String password) {
    if (connection == null || connection.isBlank()) {
      throw new SequelaException.InvalidInput(
          "must be 'embedded', 'galera', user/password@host:port/service or a jdbc: URL, got an empty string");
    }
    String c = connection.trim();
    if (c.equalsIgnoreCase(EMBEDDED)) {
      return new TargetSpec(EMBEDDED, user, password, true);
    }
    if (c.equalsIgnoreCase(GALERA)) {
      return new TargetSpec(GALERA, null, null, false);
    }
    if (c.startsWith("jdbc:")) {
      return new TargetSpec(c, user, password, false);
    }
    Matcher m = EZCONNECT.matcher(c);
    if (m.matches()) {
      String port = m.group(4) == null ? "1521" : m.group(4);
      String url = "jdbc:oracle:thin:@//" + m.group(3) + ":" + port + "/" + m.group(5);
      return new TargetSpec(url, m.group(1), m.group(2).isEmpty() ? null : m.group(2), false);
    }
    throw new SequelaException.InvalidInput(
        "must be 'embedded', 'galera', user/password@host:port/service or a jdbc: URL, got '" + mask(c) + "'");
  }

  /**
   * A copy of a connection string or URL with any password replaced by {@code ***}: EZConnect
   * {@code user/***@host}, URL {@code password=***} and {@code //user:***@host}.
   */
  public static String mask(String s) {
    if (s == null) {
      return null;
    }
    String out = s;
    for (int i = 0; i < SECRETS.size(); i++) {
      out = SECRETS.get(i).matcher(out).replaceAll(MASKED.get(i));
    }
    return out;
  }

  @Override
  public String toString() {
    return "Target[" + mask(jdbcUrl) + (user == null ? "" : " user=" + user) + (password == null ? "" : " password=***") + "]";
  }
}

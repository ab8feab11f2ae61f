package io.sequela.db;

import io.sequela.SequelaException;
import io.sequela.config.EmbeddedSettings;
import io.sequela.config.TargetSpec;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a node connects: a JDBC URL and credentials. Immutable; {@link #toString()} never shows the
 * password.
 *
 * <p>A connection string is one of:
 * <ul>
 *   <li>{@code embedded}: the embedded PostgreSQL of this JVM ({@link EmbeddedPostgres});
 *   <li>{@code galera}: the local 3-node MariaDB Galera cluster of this JVM ({@link GaleraCluster}), plan node n
 *       on cluster node ((n - 1) mod 3) + 1;
 *   <li>an Oracle EZConnect string {@code user/password@host:port/service}, which becomes
 *       {@code jdbc:oracle:thin:@//host:port/service};
 *   <li>a JDBC URL ({@code jdbc:postgresql:...}, {@code jdbc:oracle:thin:...}, {@code jdbc:h2:...},
 *       {@code jdbc:mariadb://host:port/db} for one node of a user's own MariaDB or Galera cluster) with
 *       credentials given beside it.
 * </ul>
 *
 * @param jdbcUrl the JDBC URL, with no password in it
 * @param user the user name, or null for the driver's default
 * @param password the password, or null
 * @param embedded true when the URL is the embedded PostgreSQL's
 */
public record Target(String jdbcUrl, String user, String password, boolean embedded) {

  /** The connection string that selects the embedded PostgreSQL. */
  public static final String EMBEDDED = TargetSpec.EMBEDDED;
  /** The connection string that selects the local Galera cluster. */
  public static final String GALERA = TargetSpec.GALERA;

  /**
   * Parses a node's connection string ({@link TargetSpec#parse}).
   *
   * @param connection {@code embedded}, an EZConnect string or a JDBC URL
   * @param user the user beside a JDBC URL, or null; ignored for EZConnect, which carries its own
   * @param password the password beside a JDBC URL, or null
   * @return the target; for {@code embedded} the URL is resolved later by {@link #resolve()}
   * @throws SequelaException.InvalidInput when the string is none of the three forms
   */
  public static Target parse(String connection, String user, String password) {
    return of(TargetSpec.parse(connection, user, password));
  }

  /** The target a plan or setting names (config's parsed form). */
  public static Target of(TargetSpec spec) {
    return new Target(spec.jdbcUrl(), spec.user(), spec.password(), spec.embedded());
  }

  /**
   * The same target with the embedded PostgreSQL started (once per JVM) and its URL filled in; other
   * targets are returned as they are.
   */
  public Target resolve() {
    return resolve(1);
  }

  /**
   * The target a plan's node connects to: as {@link #resolve()}, but {@code galera} starts the local cluster
   * (once per JVM, {@link GaleraCluster#get()}) and gives cluster node ((planNode - 1) mod 3) + 1.
   *
   * @param planNode the plan's node_number, positive
   * @throws SequelaException when the embedded server or the cluster cannot start
   */
  public Target resolve(int planNode) {
    return resolve(planNode, null);
  }

  /**
   * As {@link #resolve(int)}, starting the embedded PostgreSQL with {@code settings} if this JVM has not started it yet
   * (a SeqOrder plan's shared_buffers and direct_io).
   *
   * @param settings the embedded server's settings, or null for {@link EmbeddedSettings#load()}
   */
  public Target resolve(int planNode, EmbeddedSettings settings) {
    if (isGalera()) {
      return GaleraCluster.get().target(planNode);
    }
    if (!embedded || !EMBEDDED.equals(jdbcUrl)) {
      return this;
    }
    return started(settings == null ? EmbeddedPostgres.get() : EmbeddedPostgres.get(settings));
  }

  /**
   * As {@link #resolve()}, starting the embedded PostgreSQL with {@code settings} if this JVM has not started it
   * yet (KeyGen's shared_buffers).
   */
  public Target resolve(EmbeddedSettings settings) {
    return embedded && EMBEDDED.equals(jdbcUrl) ? started(EmbeddedPostgres.get(settings)) : this;
  }

  private static Target started(EmbeddedPostgres pg) {
    return new Target(pg.jdbcUrl(), pg.user(), null, true);
  }

  /** True for the not yet resolved {@code galera} target. */
  public boolean isGalera() {
    return GALERA.equals(jdbcUrl);
  }

  /** The dialect this target's URL names; {@code galera} is mariadb. */
  public Dialect dialect() {
    if (embedded) {
      return Dialect.POSTGRESQL;
    }
    return isGalera() ? Dialect.MARIADB : Dialect.fromJdbcUrl(jdbcUrl);
  }

  /** Host (and port) of the URL, for error messages; the whole URL when no host can be found. */
  public String host() {
    if (embedded) {
      return "embedded PostgreSQL";
    }
    if (isGalera()) {
      return "local Galera cluster";
    }
    Matcher m = Pattern.compile("//([^/;?]+)").matcher(jdbcUrl);
    return m.find() ? m.group(1).replaceAll("^[^@]*@", "") : mask(jdbcUrl);
  }

  /**
   * A copy of a connection string or URL with any password replaced by {@code ***}: EZConnect
   * {@code user/***@host}, URL {@code password=***} and {@code //user:***@host}.
   */
  public static String mask(String s) {
    return TargetSpec.mask(s);
  }

  @Override
  public String toString() {
    return "Target[" + mask(jdbcUrl) + (user == null ? "" : " user=" + user) + (password == null ? "" : " password=***") + "]";
  }
}

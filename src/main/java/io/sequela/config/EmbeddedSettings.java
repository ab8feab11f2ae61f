package io.sequela.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import io.sequela.SequelaException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The embedded PostgreSQL's settings, from {@code sequela.embedded}: {@code dir} and {@code fresh}, and every
 * other key under it as a PostgreSQL server setting ({@code -Dsequela.embedded.shared_buffers=16MB}; the
 * open-ended part of the settings). Immutable.
 *
 * @param dir the data directory, kept between runs
 * @param fresh true to empty {@code dir} before the server starts
 * @param server PostgreSQL settings by name, e.g. {@code shared_buffers -> 16MB}, in name order
 */
public record EmbeddedSettings(Path dir, boolean fresh, Map<String, String> server) {

  private static final String ROOT = "sequela.embedded";
  /**
   * Connections a run holds beside its virtual users' (the admin connection per distinct target, the results
   * pool, the wait probe, the row count, psql-like tools of a DBA looking on): kept free of a plan's users.
   */
  public static final int OWN_CONNECTIONS = 7;
  /** PostgreSQL's default superuser_reserved_connections (reserved_connections, 16+, defaults to 0). */
  private static final int SUPERUSER_RESERVED = 3;

  public EmbeddedSettings {
    server = Collections.unmodifiableMap(new TreeMap<>(server));
  }

  /**
   * How many virtual users a plan may put on the embedded server at once: {@code max_connections} minus the
   * connections PostgreSQL reserves ({@code superuser_reserved_connections}, {@code reserved_connections}) and
   * {@link #OWN_CONNECTIONS}; 190 with reference.conf's 200.
   */
  public int maxUsers() {
    return maxConnections() - reservedConnections();
  }

  /** Why {@link #maxUsers()} is what it is, for a message: {@code the embedded server's max_connections 200 minus 10 reserved}. */
  public String maxUsersReason() {
    return "the embedded server's max_connections " + maxConnections() + " minus " + reservedConnections() + " reserved";
  }

  private int maxConnections() {
    // zonky's own default when neither reference.conf nor a setting names it
    return count("max_connections", 300);
  }

  private int reservedConnections() {
    return count("superuser_reserved_connections", SUPERUSER_RESERVED) + count("reserved_connections", 0) + OWN_CONNECTIONS;
  }

  private int count(String name, int dflt) {
    String v = server.get(name);
    return v == null ? dflt : Integer.parseInt(v.strip());
  }

  /**
   * Settings from the system properties over reference.conf.
   *
   * @throws SequelaException.InvalidInput for an unknown {@code -Dsequela.*} key or a bad value
   */
  public static EmbeddedSettings load() {
    return from(Settings.load());
  }

  /**
   * Settings from a config holding {@code sequela.embedded}.
   *
   * @throws SequelaException.InvalidInput naming the setting that is wrong
   */
  public static EmbeddedSettings from(Config config) {
    try {
      Config c = config.getConfig(ROOT);
      Map<String, String> server = new TreeMap<>();
      for (Map.Entry<String, ConfigValue> e : c.entrySet()) {
        // a dotted PostgreSQL name (auto_explain.log_min_duration) comes back as a nested path
        String name = String.join(".", ConfigUtil.splitPath(e.getKey()));
        if (!name.equals("dir") && !name.equals("fresh")) {
          server.put(name, c.getString(e.getKey()));
        }
      }
      for (String name : new String[] {"max_connections", "superuser_reserved_connections", "reserved_connections"}) {
        String v = server.get(name);
        if (v != null && !v.strip().matches("\\d{1,6}")) {
          throw new SequelaException.InvalidInput(ROOT + "." + name + ": must be a whole number of connections, got '" + v + "'");
        }
      }
      return new EmbeddedSettings(Path.of(c.getString("dir")), c.getBoolean("fresh"), server);
    } catch (ConfigException e) {
      throw new SequelaException.InvalidInput(e.getMessage());
    }
  }

  /**
   * The same settings with server setting {@code name = value} added, unless they name it already (an explicit
   * {@code -Dsequela.embedded.<name>} wins), or unchanged when {@code value} is null.
   */
  public EmbeddedSettings withServerDefault(String name, String value) {
    if (value == null || server.containsKey(name)) {
      return this;
    }
    Map<String, String> s = new TreeMap<>(server);
    s.put(name, value);
    return new EmbeddedSettings(dir, fresh, s);
  }
}

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

  public EmbeddedSettings {
    server = Collections.unmodifiableMap(new TreeMap<>(server));
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

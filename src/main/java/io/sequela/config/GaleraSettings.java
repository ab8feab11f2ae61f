package io.sequela.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.sequela.SequelaException;
import java.nio.file.Path;

/**
 * The local MariaDB Galera cluster's settings, from {@code sequela.galera}: where its nodes live and where the
 * scripts that install, start and stop it are. Immutable.
 *
 * @param dir the nodes' work dir ({@code target/galera}), emptied at every start
 * @param scripts the folder holding {@code galera-install.sh}, {@code galera-start.sh} and {@code galera-stop.sh}
 */
public record GaleraSettings(Path dir, Path scripts) {

  /**
   * Settings from the system properties over reference.conf.
   *
   * @throws SequelaException.InvalidInput for an unknown {@code -Dsequela.*} key or a bad value
   */
  public static GaleraSettings load() {
    return from(Settings.load());
  }

  /**
   * Settings from a config holding {@code sequela.galera}.
   *
   * @throws SequelaException.InvalidInput naming the setting that is wrong
   */
  public static GaleraSettings from(Config config) {
    try {
      Config c = config.getConfig(Settings.ROOT + ".galera");
      return new GaleraSettings(Path.of(c.getString("dir")), Path.of(c.getString("scripts")));
    } catch (ConfigException e) {
      throw new SequelaException.InvalidInput(e.getMessage());
    }
  }
}

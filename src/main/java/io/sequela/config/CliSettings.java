package io.sequela.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.sequela.SequelaException;

/**
 * The {@code sequela} command's own settings. Immutable.
 *
 * @param trace true to print a failure's stack trace after its one-line message ({@code -Dsequela.trace=true})
 */
public record CliSettings(boolean trace) {

  /**
   * Settings from the system properties over reference.conf.
   *
   * @throws SequelaException.InvalidInput for an unknown {@code -Dsequela.*} key or a bad value
   */
  public static CliSettings load() {
    return from(Settings.load());
  }

  /**
   * Settings from a config holding {@code sequela.trace}.
   *
   * @throws SequelaException.InvalidInput naming the setting that is wrong
   */
  public static CliSettings from(Config config) {
    try {
      return new CliSettings(config.getBoolean(Settings.ROOT + ".trace"));
    } catch (ConfigException e) {
      throw new SequelaException.InvalidInput(e.getMessage());
    }
  }
}

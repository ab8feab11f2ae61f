package io.sequela.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.sequela.SequelaException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code sequela sweep}'s settings. Immutable.
 *
 * @param resultsDir where the sweep's folder goes ({@code sequela.results.dir}, default target/gatling)
 * @param forwarded every {@code -Dsequela.*} this JVM was given, as {@code -Dname=value}, for each cell's Gatling JVM
 *     (e.g. {@code -Dsequela.target=galera}, {@code -Dsequela.embedded.debug_io_direct=data}); not the plan or the
 *     results folder, which the sweep sets per cell
 * @param embedded the embedded server's settings every cell starts it with ({@code sequela.embedded}; a cell's own plan
 *     may add its cache keys), for the cells' users limit
 * @param target {@code sequela.target}, which replaces every node's connection in every cell, or null
 */
public record SweepSettings(Path resultsDir, List<String> forwarded, EmbeddedSettings embedded, TargetSpec target) {

  /** Set per cell by the sweep, so never forwarded. */
  private static final Set<String> PER_CELL = Set.of("sequela.plan", "sequela.keygen.plan", "sequela.results.dir");

  public SweepSettings {
    forwarded = List.copyOf(forwarded);
  }

  /**
   * Settings from the system properties over reference.conf.
   *
   * @throws SequelaException.InvalidInput for an unknown {@code -Dsequela.*} key or a bad {@code sequela.target} or
   *     {@code sequela.embedded.*}
   */
  public static SweepSettings load() {
    Config c = Settings.load();
    try {
      List<String> forwarded = new ArrayList<>();
      for (String name : new TreeSet<>(System.getProperties().stringPropertyNames())) {
        if (name.startsWith(Settings.ROOT + ".") && !PER_CELL.contains(name)) {
          forwarded.add("-D" + name + "=" + System.getProperty(name));
        }
      }
      return new SweepSettings(Path.of(c.getString(Settings.ROOT + ".results.dir")), forwarded, EmbeddedSettings.from(c),
          TargetSpec.override(c.getConfig(Settings.ROOT)));
    } catch (ConfigException e) {
      throw new SequelaException.InvalidInput(e.getMessage());
    }
  }
}

package io.sequela.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.sequela.SequelaException;
import io.sequela.db.Target;
import java.nio.file.Path;

/**
 * KeyGenSimulation's settings, read once from {@code sequela.keygen} (defaults in reference.conf,
 * overridden by -D system properties) plus the shared {@code sequela.target} and {@code sequela.results.dir}.
 *
 * @param plan the validated plan, {@code sequela.target} applied
 * @param sharedBuffers the embedded PostgreSQL's shared_buffers (e.g. {@code 16MB}), or null for its default
 * @param preseedThreads loading threads of the pre-seeding step, at least 1
 * @param resultsDir the folder holding Gatling's run folders
 */
public record KeyGenSettings(KeyGenPlan plan, String sharedBuffers, int preseedThreads, Path resultsDir) {

  private static final String ROOT = "sequela.keygen";

  /**
   * Settings from system properties over the defaults, and the plan they name.
   *
   * @throws SequelaException.InvalidInput naming the setting or plan field that is wrong
   */
  public static KeyGenSettings load() {
    ConfigFactory.invalidateCaches();
    return from(ConfigFactory.load());
  }

  /**
   * Settings from a config holding {@code sequela.keygen}.
   *
   * @throws SequelaException.InvalidInput naming the setting or plan field that is wrong
   */
  public static KeyGenSettings from(Config config) {
    try {
      Config c = config.getConfig(ROOT);
      int threads = c.getInt("preseed_threads");
      if (threads < 1) {
        throw new SequelaException.InvalidInput(ROOT + ".preseed_threads: must be >= 1, got " + threads);
      }
      String sb = c.getString("shared_buffers").strip();
      if (!sb.isEmpty() && !sb.matches("\\d+(kB|MB|GB)?")) {
        throw new SequelaException.InvalidInput(ROOT + ".shared_buffers: must be a PostgreSQL size such as 16MB, got '" + sb + "'");
      }
      Config s = config.getConfig("sequela");
      Target target = null;
      if (s.hasPath("target")) {
        try {
          target = Target.parse(s.getString("target"), optional(s, "target-user"), optional(s, "target-password"));
        } catch (SequelaException.InvalidInput e) {
          throw new SequelaException.InvalidInput("sequela.target: " + e.getMessage());
        }
      }
      KeyGenPlan plan = KeyGenPlanLoader.load(c.getString("plan"), target);
      return new KeyGenSettings(plan, sb.isEmpty() ? null : sb, threads, Path.of(s.getString("results.dir")));
    } catch (ConfigException e) {
      throw new SequelaException.InvalidInput(e.getMessage());
    }
  }

  /**
   * Hands {@link #sharedBuffers()} to the embedded PostgreSQL as {@code -Dsequela.embedded.shared_buffers}
   * (unless that is set already). Effective only before the server starts in this JVM.
   */
  public void applyToEmbeddedServer() {
    if (sharedBuffers != null && System.getProperty("sequela.embedded.shared_buffers") == null) {
      System.setProperty("sequela.embedded.shared_buffers", sharedBuffers);
    }
  }

  private static String optional(Config c, String path) {
    return c.hasPath(path) ? c.getString(path) : null;
  }
}

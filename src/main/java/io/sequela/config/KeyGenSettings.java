package io.sequela.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.sequela.SequelaException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * KeyGenSimulation's settings, read once from {@code sequela.keygen} (defaults in reference.conf,
 * overridden by -D system properties) plus the shared {@code sequela.target}, {@code sequela.results.dir} and
 * {@code sequela.embedded}.
 *
 * @param plan the validated plan, {@code sequela.target} applied
 * @param sharedBuffers the embedded PostgreSQL's shared_buffers (e.g. {@code 16MB}): {@code sequela.keygen.shared_buffers}
 *     when set, else the plan's, else null for the server's default
 * @param preseedThreads loading threads of the pre-seeding step, at least 1
 * @param resultsDir the folder holding Gatling's run folders
 * @param embedded the embedded PostgreSQL's settings, {@code sharedBuffers} among its server settings unless
 *     {@code -Dsequela.embedded.shared_buffers} names its own
 * @param driver how the inserts are sent ({@code sequela.driver})
 * @param waitSampleInterval how often a measured phase samples the users' sessions for wait events, 1 ms to 10 s
 */
public record KeyGenSettings(KeyGenPlan plan, String sharedBuffers, int preseedThreads, Path resultsDir,
    EmbeddedSettings embedded, RequestPath driver, Duration waitSampleInterval) {

  private static final String ROOT = "sequela.keygen";

  /**
   * Settings from system properties over the defaults, and the plan they name.
   *
   * @throws SequelaException.InvalidInput naming the setting or plan field that is wrong, or an unknown
   *     {@code -Dsequela.*} key
   */
  public static KeyGenSettings load() {
    return from(Settings.load());
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
      if (!sb.isEmpty() && !sb.matches(KeyGenPlanLoader.PG_SIZE)) {
        throw new SequelaException.InvalidInput(ROOT + ".shared_buffers: must be a PostgreSQL size such as 16MB, got '" + sb + "'");
      }
      Duration sampleEvery = c.getDuration("wait_sample_interval");
      if (sampleEvery.compareTo(Duration.ofMillis(1)) < 0 || sampleEvery.compareTo(Duration.ofSeconds(10)) > 0) {
        throw new SequelaException.InvalidInput(ROOT + ".wait_sample_interval: must be between 1ms and 10s, got "
            + c.getDuration("wait_sample_interval", TimeUnit.MICROSECONDS) / 1000.0 + "ms");
      }
      Config s = config.getConfig(Settings.ROOT);
      TargetSpec target = TargetSpec.override(s);
      RequestPath driver = RequestPath.of(config);
      KeyGenPlan plan = KeyGenPlanLoader.load(c.getString("plan"), target, c.getObject("plan-defaults"));
      String sharedBuffers = sb.isEmpty() ? plan.sharedBuffers() : sb;
      EmbeddedSettings embedded = CachePlanKeys.applied(EmbeddedSettings.from(config), sharedBuffers, plan.directIo());
      // every user holds a connection of the embedded server at once: more is bad input, before any database work
      if (plan.target().embedded() && plan.users() > embedded.maxUsers()) {
        throw new SequelaException.InvalidInput(plan.source() + ": users: must be at most " + embedded.maxUsers() + " ("
            + embedded.maxUsersReason() + "), got " + plan.users());
      }
      return new KeyGenSettings(plan, sharedBuffers, threads, Path.of(s.getString("results.dir")), embedded, driver,
          sampleEvery);
    } catch (ConfigException e) {
      throw new SequelaException.InvalidInput(e.getMessage());
    }
  }
}

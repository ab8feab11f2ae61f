package io.sequela.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.sequela.SequelaException;
import java.nio.file.Path;

/**
 * QueryBenchSimulation's settings, read once from {@code sequela.querybench} (defaults in
 * reference.conf, overridden by -D system properties). Immutable; {@link #toString()} hides
 * the password.
 *
 * @param queries the query CSV, or null for the example {@link #DEFAULT_QUERIES} on the classpath
 * @param workers concurrent workers, at least 1
 * @param assignment how hosts are handed to workers, as given ({@code rendezvous}, {@code balanced},
 *     {@code balanced-queries}); querybench.Assignment checks it when QueryBenchRun prepares, before any database work
 * @param data a cpu_usage.csv to load through COPY, or null for the default data set (the populator model models/cpu_usage.conf)
 * @param target {@code embedded}, an EZConnect string or a JDBC URL
 * @param user the user beside a JDBC URL, or null
 * @param password the password beside a JDBC URL, or null
 * @param resultsDir where Gatling writes its run folders ({@code sequela.results.dir})
 * @param driver how the queries are sent ({@code sequela.driver})
 */
public record QueryBenchSettings(Path queries, int workers, String assignment, Path data, String target, String user,
    String password, Path resultsDir, RequestPath driver) {

  /** The example query file on the classpath (resources/querybench/query_params.csv). */
  public static final String DEFAULT_QUERIES = "querybench/query_params.csv";

  private static final String ROOT = "sequela.querybench";

  /**
   * Settings from system properties over the defaults.
   *
   * @throws SequelaException.InvalidInput naming the setting, e.g.
   *     {@code sequela.querybench.workers: must be >= 1, got 0}, or an unknown {@code -Dsequela.*} key
   */
  public static QueryBenchSettings load() {
    return from(Settings.load());
  }

  /**
   * Settings from a config holding {@code sequela.querybench}.
   *
   * @throws SequelaException.InvalidInput naming the setting
   */
  public static QueryBenchSettings from(Config config) {
    try {
      Config c = config.getConfig(ROOT);
      int workers = c.getInt("workers");
      if (workers < 1) {
        throw new SequelaException.InvalidInput(ROOT + ".workers: must be >= 1, got " + workers);
      }
      String target = c.getString("target");
      EmbeddedSettings embedded = EmbeddedSettings.from(config);
      // every worker holds a connection of the embedded server at once: more is bad input, before any database work
      if (TargetSpec.EMBEDDED.equalsIgnoreCase(target.strip()) && workers > embedded.maxUsers()) {
        throw new SequelaException.InvalidInput(ROOT + ".workers: must be at most " + embedded.maxUsers() + " ("
            + embedded.maxUsersReason() + "), got " + workers);
      }
      return new QueryBenchSettings(path(c, "queries"), workers, c.getString("assignment").strip(), path(c, "data"), c.getString("target"),
          emptyToNull(c.getString("user")), emptyToNull(c.getString("password")),
          Path.of(config.getString("sequela.results.dir")), RequestPath.of(config));
    } catch (ConfigException e) {
      throw new SequelaException.InvalidInput(e.getMessage());
    }
  }

  private static Path path(Config c, String key) {
    String v = c.getString(key);
    return v.isBlank() ? null : Path.of(v.strip());
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  @Override
  public String toString() {
    return "QueryBenchSettings[queries=" + (queries == null ? DEFAULT_QUERIES : queries) + ", workers=" + workers
        + ", assignment=" + assignment
        + ", data=" + (data == null ? "models/cpu_usage.conf" : data) + ", target=" + TargetSpec.mask(target)
        + (user == null ? "" : ", user=" + user) + (password == null ? "" : ", password=***") + ", driver=" + driver + "]";
  }
}

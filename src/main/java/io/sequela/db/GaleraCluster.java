package io.sequela.db;

import io.sequela.SequelaException;
import io.sequela.config.GaleraSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local 3-node MariaDB Galera cluster, the {@code galera} target: started at most once per JVM by
 * {@code scripts/galera-start.sh} (after {@code scripts/galera-install.sh}, which installs Debian's packages when
 * they are missing), SQL ports 3307-3309 on 127.0.0.1, and stopped by {@code scripts/galera-stop.sh} from
 * {@link #stopIfStarted()} (the end of a run, or its failure) or from a shutdown hook (Ctrl-C, System.exit).
 *
 * <p>Settings: {@link GaleraSettings} ({@code sequela.galera.dir}, the nodes' work dir, and
 * {@code sequela.galera.scripts}, the folder holding the scripts). The scripts' output goes to the console; the SQL
 * user's password stays in {@code <dir>/credentials} and is never printed.
 */
public final class GaleraCluster {

  /** Nodes of the cluster. */
  public static final int NODES = 3;
  /** SQL port of cluster node 1; node i listens on {@code FIRST_PORT + i - 1}. */
  public static final int FIRST_PORT = 3307;
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final Logger LOG = LoggerFactory.getLogger(GaleraCluster.class);
  private static GaleraCluster instance;

  private final Path dir;
  private final Path scripts;
  private final String user;
  private final String password;
  private final Thread hook;
  private boolean stopped;

  private GaleraCluster(Path dir, Path scripts, String user, String password, Thread hook) {
    this.dir = dir;
    this.scripts = scripts;
    this.user = user;
    this.password = password;
    this.hook = hook;
  }

  /**
   * The cluster of this JVM, installed and started on first call (about 8-10 s to start here, plus about 12 s
   * for a first install); a call after {@link #stopIfStarted()} starts a fresh one.
   *
   * @throws SequelaException.InvalidInput when the scripts folder has no galera-start.sh, or for a bad setting
   * @throws SequelaException.DatabaseFailure when installing or starting fails (the scripts' one-line reason)
   */
  public static synchronized GaleraCluster get() {
    if (instance == null || instance.stopped) {
      GaleraSettings settings = GaleraSettings.load();
      instance = start(settings.dir().toAbsolutePath(), settings.scripts().toAbsolutePath());
    }
    return instance;
  }

  /** Stops the cluster of this JVM if one runs; safe to call more than once. */
  public static synchronized void stopIfStarted() {
    if (instance != null) {
      instance.stop();
    }
  }

  /** The cluster node (1..3) a plan's node number lands on: ((n - 1) mod 3) + 1. */
  static int clusterNode(int planNode) {
    return Math.floorMod(planNode - 1, NODES) + 1;
  }

  private static GaleraCluster start(Path dir, Path scripts) {
    if (!Files.isRegularFile(scripts.resolve("galera-start.sh"))) {
      throw new SequelaException.InvalidInput("sequela.galera.scripts: no galera-start.sh in " + scripts
          + " (run from the project folder or set -Dsequela.galera.scripts)");
    }
    run(scripts, dir, "galera-install.sh", INSTALL_TIMEOUT);
    Thread hook = new Thread(() -> stopQuietly(scripts, dir), "sequela-galera-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      run(scripts, dir, "galera-start.sh", START_TIMEOUT);
      String[] credentials = Files.readString(dir.resolve("credentials")).trim().split("\\s+", 2);
      return new GaleraCluster(dir, scripts, credentials[0], credentials.length > 1 ? credentials[1] : null, hook);
    } catch (IOException | RuntimeException e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      run(scripts, dir, "galera-stop.sh", STOP_TIMEOUT);
      throw e instanceof SequelaException se ? se
          : new SequelaException.DatabaseFailure("local Galera cluster: cannot read " + dir.resolve("credentials"), e);
    }
  }

  /**
   * The target of a plan's node: cluster node {@link #clusterNode}, database {@code sequela}. Sessions wait for
   * the cluster to apply every earlier write before they read ({@code wsrep_sync_wait=1}), so the results read
   * on node 1 include node 2's and 3's last inserts.
   */
  public Target target(int planNode) {
    return new Target(jdbcUrl(clusterNode(planNode)), user, password, false);
  }

  /** The JDBC URL of cluster node 1..3 (no password in it). */
  public static String jdbcUrl(int clusterNode) {
    return "jdbc:mariadb://127.0.0.1:" + (FIRST_PORT + clusterNode - 1) + "/sequela?sessionVariables=wsrep_sync_wait=1";
  }

  /** The nodes' work dir. */
  public Path dir() {
    return dir;
  }

  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      return; // the JVM is shutting down: the hook itself stops the cluster
    }
    run(scripts, dir, "galera-stop.sh", STOP_TIMEOUT);
  }

  /** Stops the nodes from a shutdown hook: a failure is one line on stderr, never a stack trace. */
  private static void stopQuietly(Path scripts, Path dir) {
    try {
      run(scripts, dir, "galera-stop.sh", STOP_TIMEOUT);
    } catch (SequelaException e) {
      System.err.println("sequela: " + e.getMessage());
    }
  }

  /**
   * Runs one of the scripts with {@code GALERA_DIR=dir}, copying its output to the console.
   *
   * @throws SequelaException.DatabaseFailure with the script's last line when it fails or outlives {@code timeout}
   */
  private static void run(Path scripts, Path dir, String script, Duration timeout) {
    ProcessBuilder pb = new ProcessBuilder("bash", scripts.resolve(script).toString()).redirectErrorStream(true);
    pb.environment().put("GALERA_DIR", dir.toString());
    List<String> lines = new ArrayList<>();
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      Thread copier = new Thread(() -> copy(p, lines), "sequela-" + script);
      copier.setDaemon(true);
      copier.start();
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        throw new SequelaException.DatabaseFailure("local Galera cluster: " + script + " took more than " + timeout.toSeconds()
            + " s", null);
      }
      copier.join(2_000);
      if (p.exitValue() != 0) {
        throw new SequelaException.DatabaseFailure("local Galera cluster: " + script + " failed: "
            + reason(lines, script, p.exitValue()), null);
      }
    } catch (IOException e) {
      throw new SequelaException.DatabaseFailure("local Galera cluster: cannot run " + script + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SequelaException.DatabaseFailure("local Galera cluster: interrupted while " + script + " ran", e);
    }
  }

  /** The script's own last line ({@code galera-start: ...}), without the prefix; else its last line. */
  private static String reason(List<String> lines, String script, int exitValue) {
    String prefix = script.replace(".sh", "") + ": ";
    synchronized (lines) {
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (lines.get(i).startsWith(prefix)) {
          return lines.get(i).substring(prefix.length());
        }
      }
      return lines.isEmpty() ? "exit status " + exitValue : lines.get(lines.size() - 1);
    }
  }

  private static void copy(Process p, List<String> lines) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        System.out.println(line);
        synchronized (lines) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      LOG.debug("reading a Galera script's output failed: {}", e.getMessage());
    }
  }
}

package io.sequela.nightly;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * What identifies a run in the history: simulation, run id, plan and its hash, target and server version,
 * source commit. Never credentials.
 *
 * @param simulation the simulation's simple class name, e.g. {@code SeqOrderSimulation}
 * @param runId the run id
 * @param plan the plan's file or resource name
 * @param planHash the first 16 hex digits of the SHA-256 of the plan's bytes
 * @param target dialect and host, e.g. {@code postgresql embedded} or {@code oracle scan:1521}
 * @param serverVersion the database's product version, or {@code unknown}
 * @param commit the source commit, empty when unknown
 * @param design the experiment design's one-line stamp, empty when the simulation compares no variants
 */
public record RunIdentity(String simulation, String runId, String plan, String planHash, String target,
    String serverVersion, String commit, String design) {

  /** CI variables holding the commit being built, read in this order before asking git. */
  static final List<String> COMMIT_VARIABLES = List.of("GIT_COMMIT", "CI_COMMIT_SHA", "GITHUB_SHA", "BUILD_VCS_NUMBER");

  /**
   * The hash of a plan: its file's bytes, or the classpath resource's when no such file exists.
   *
   * @param location the plan setting's value
   * @param extra more text that changes what the plan means (QueryBench's settings), or empty
   * @return 16 hex digits
   */
  public static String planHash(String location, String extra) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      if (location != null) {
        Path file = Path.of(location);
        if (Files.isRegularFile(file)) {
          sha.update(Files.readAllBytes(file));
        } else {
          try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
            if (in != null) {
              sha.update(in.readAllBytes());
            }
          }
        }
      }
      sha.update(extra.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
      return "unknown";
    }
  }

  /** A target as the history names it: dialect and host, e.g. {@code postgresql embedded}; never credentials. */
  public static String targetLabel(io.sequela.db.Target t) {
    return t.dialect().name() + " " + (t.embedded() ? "embedded" : t.host());
  }

  /** The database's product version through one connection of {@code ds}, or {@code unknown}. */
  public static String serverVersion(DataSource ds) {
    try (Connection c = ds.getConnection()) {
      return c.getMetaData().getDatabaseProductVersion().lines().findFirst().orElse("unknown").strip();
    } catch (SQLException | RuntimeException e) {
      return "unknown";
    }
  }

  /**
   * The commit being measured: the first CI variable set ({@link #COMMIT_VARIABLES}), else {@code git rev-parse
   * HEAD} in the working directory (at most 5 s), else empty.
   */
  public static String sourceCommit() {
    for (String v : COMMIT_VARIABLES) {
      String c = System.getenv(v);
      if (c != null && !c.isBlank()) {
        return c.strip();
      }
    }
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
      p.getOutputStream().close();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "";
      }
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
      return p.exitValue() == 0 && out.matches("[0-9a-f]{7,64}") ? out : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}

package io.sequela.db;

import io.sequela.SequelaException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's claim on its data directory, taken before anything in it is deleted or started: an
 * exclusive lock on {@code <dir>.lock} beside the directory (so emptying the directory for
 * {@code sequela.embedded.fresh} cannot delete the lock with it), holding this JVM's pid for the message of the
 * run that finds it taken. Released when the server stops or the JVM ends.
 *
 * <p>zonky's own lock, {@code <dir>/epg-lock}, is inside the directory; it is tried too (and let go at once), so a
 * server of an older sequela or of another tool on the same directory is found as well.
 */
final class DataDirLock implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DataDirLock.class);
  private static final String ZONKY_LOCK = "epg-lock";
  /** How long a server left by a killed run may take to stop (a smart shutdown: its clients are gone). */
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of a data directory: {@code target/embedded-pg} -> {@code target/embedded-pg.lock}. */
  static Path lockFile(Path dataDir) {
    Path abs = dataDir.toAbsolutePath().normalize();
    return abs.resolveSibling(abs.getFileName() + ".lock");
  }

  /**
   * Takes the data directory's lock, then deals with a server a killed run left running on it.
   *
   * @throws SequelaException.DatabaseFailure in one line naming the pid that holds the directory: a live run (its
   *     JVM's pid and its server's), or a live process that postmaster.pid names and that is not a server this
   *     user's sequela left
   */
  static DataDirLock take(Path dataDir) {
    Path file = lockFile(dataDir);
    DataDirLock taken;
    try {
      Files.createDirectories(file.getParent());
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String holder = readPid(ch).map(pid -> "the run of pid " + pid).orElse("another run");
        ch.close();
        throw busy(dataDir, holder + " holds it (" + file + ")");
      }
      taken = new DataDirLock(ch, lock);
      taken.writePid();
    } catch (IOException e) {
      throw new SequelaException.DatabaseFailure("embedded PostgreSQL: cannot lock " + file + ": " + e.getMessage(), e);
    }
    try {
      checkZonkyLock(dataDir);
      stopLeftServer(dataDir);
      return taken;
    } catch (RuntimeException e) {
      taken.close();
      throw e;
    }
  }

  private void writePid() throws IOException {
    channel.truncate(0);
    channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + System.lineSeparator()).getBytes(StandardCharsets.US_ASCII)), 0);
    channel.force(false);
  }

  private static Optional<String> readPid(FileChannel ch) {
    try {
      ByteBuffer b = ByteBuffer.allocate(64);
      ch.read(b, 0);
      String s = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).strip();
      return s.matches("\\d+") ? Optional.of(s) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A directory an older sequela (or zonky in another tool) is serving: its epg-lock is held by another process. */
  private static void checkZonkyLock(Path dataDir) throws SequelaException {
    Path zonky = dataDir.resolve(ZONKY_LOCK);
    if (!Files.isRegularFile(zonky)) {
      return;
    }
    try (FileChannel ch = FileChannel.open(zonky, StandardOpenOption.WRITE); FileLock lock = ch.tryLock()) {
      if (lock == null) {
        throw busy(dataDir, "another process holds " + zonky);
      }
    } catch (IOException e) {
      throw new SequelaException.DatabaseFailure("embedded PostgreSQL: cannot lock " + zonky + ": " + e.getMessage(), e);
    }
  }

  /**
   * A postmaster.pid naming a live process: a server this user's killed run left (the directory's lock is ours, so
   * no run holds it) is stopped; any other live process is named. A dead pid is left to PostgreSQL, which removes
   * its own stale postmaster.pid.
   */
  private static void stopLeftServer(Path dataDir) {
    OptionalLong pid = postmasterPid(dataDir);
    if (pid.isEmpty()) {
      return;
    }
    Optional<ProcessHandle> p = ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive);
    if (p.isEmpty()) {
      return;
    }
    if (!isOurPostgres(p.get())) {
      throw busy(dataDir, "its postmaster.pid names pid " + pid.getAsLong() + ", a live process that is not a PostgreSQL "
          + "server of this user; stop it, or remove " + dataDir.resolve("postmaster.pid") + " if that pid is not a server");
    }
    LOG.warn("embedded PostgreSQL: stopping server pid {} that a stopped run left running on {}", pid.getAsLong(), dataDir);
    p.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown; the killed run's sessions are gone
    try {
      p.get().onExit().get(STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw busy(dataDir, "server pid " + pid.getAsLong() + ", left by a stopped run, did not stop within "
          + STOP_WAIT.toSeconds() + " s of SIGTERM; stop it (kill -INT " + pid.getAsLong() + ")");
    } catch (java.util.concurrent.ExecutionException e) {
      throw new SequelaException.DatabaseFailure("embedded PostgreSQL: waiting for pid " + pid.getAsLong() + " failed: "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SequelaException.DatabaseFailure("embedded PostgreSQL: interrupted while stopping pid " + pid.getAsLong(), e);
    }
  }

  /** The postmaster's pid, the first line of {@code <dir>/postmaster.pid}, when the file is there and readable. */
  static OptionalLong postmasterPid(Path dataDir) {
    Path f = dataDir.resolve("postmaster.pid");
    try {
      List<String> lines = Files.isRegularFile(f) ? Files.readAllLines(f, StandardCharsets.US_ASCII) : List.of();
      String first = lines.isEmpty() ? "" : lines.get(0).strip();
      return first.matches("\\d{1,18}") ? OptionalLong.of(Long.parseLong(first)) : OptionalLong.empty();
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** A process of this user whose program is named postgres (where the OS tells; else not ours, to be safe). */
  private static boolean isOurPostgres(ProcessHandle p) {
    ProcessHandle.Info info = p.info();
    boolean postgres = info.command().map(c -> Path.of(c).getFileName().toString().equals("postgres")).orElse(false);
    boolean sameUser = info.user().equals(ProcessHandle.current().info().user()) && info.user().isPresent();
    return postgres && sameUser;
  }

  private static SequelaException.DatabaseFailure busy(Path dataDir, String why) {
    OptionalLong server = postmasterPid(dataDir);
    String serverPid = server.isPresent() && ProcessHandle.of(server.getAsLong()).map(ProcessHandle::isAlive).orElse(false)
        && !why.contains("pid " + server.getAsLong()) ? "; its server is pid " + server.getAsLong() : "";
    return new SequelaException.DatabaseFailure("embedded PostgreSQL: data directory " + dataDir.toAbsolutePath().normalize()
        + " is in use: " + why + serverPid + "; wait for it or give another -Dsequela.embedded.dir", null);
  }

  /** Lets the directory go. */
  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      LOG.warn("embedded PostgreSQL: releasing {} failed: {}", channel, e.getMessage());
    }
  }
}

package io.sequela.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The PostgreSQL server of a data directory as a test sees it from outside: its postmaster.pid and its processes. */
public final class Postmaster {

  private Postmaster() {}

  /** The pid postmaster.pid in {@code dataDir} names, or empty when there is no such file (no server, or stopped). */
  public static OptionalLong pid(Path dataDir) throws IOException {
    Path f = dataDir.resolve("postmaster.pid");
    return Files.isRegularFile(f) ? OptionalLong.of(Long.parseLong(Files.readAllLines(f).get(0).strip()))
        : OptionalLong.empty();
  }

  /** The postmaster {@code pid} and every process under it (backends, checkpointer, ...), those alive now. */
  public static List<ProcessHandle> processes(long pid) {
    return ProcessHandle.of(pid).stream().flatMap(p -> Stream.concat(Stream.of(p), p.descendants())).toList();
  }

  /** Waits up to {@code seconds} for each of {@code processes} to end; true when all did. */
  public static boolean allEnd(List<ProcessHandle> processes, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    for (ProcessHandle p : processes) {
      while (p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    }
    return processes.stream().noneMatch(ProcessHandle::isAlive);
  }
}

package io.sequela.run;

import io.sequela.db.EmbeddedPostgres;
import io.sequela.db.GaleraCluster;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT), SIGTERM, or the process that started this JVM gone (Maven signalled alone, a supervisor that
 * signals one pid): the run is interrupted. It stops its load the way a dead database stops it, writes its pages, its
 * JUnit file and its history row (status interrupted) for what ran, stops the servers it started and exits
 * {@link ExitCodes#INTERRUPTED} (130).
 *
 * <p>Why signal handlers and not a shutdown hook: SIGINT and SIGTERM would start the JVM's shutdown at once, and every
 * shutdown hook runs at the same time in no set order: the embedded PostgreSQL's hook would stop the server while the
 * run still counts its rows, and Gatling would never reach {@code Simulation.after()}. A handler instead stops the load
 * and lets the run end its own way (Gatling's {@code after()}, its report, then the {@link AfterReport} hook, which
 * stops the server and exits 130), and the hooks run only once the files are written.
 *
 * <p>The time bound: from the first interrupt the JVM has {@link #DEADLINE}; past it (a database that hangs without
 * failing holds the row count) the servers are stopped, each within {@link #SERVER_STOP}, and the JVM halts with 130,
 * whatever is still being written. A second interrupt does that at once. Where the JVM does not let sequela handle the
 * signal ({@code -Xrs}), the JVM's own shutdown runs: the hooks stop the server, but no files are written.
 */
public final class Interruption {

  /**
   * How long an interrupted run may take to write what ran before the JVM halts: 3 to 15 s
   * measured on two cores under a load of 16; past it only a hung database or a huge report would hold the exit.
   */
  public static final Duration DEADLINE = Duration.ofSeconds(30);
  /** How long stopping the servers may take on the way out. */
  static final Duration SERVER_STOP = Duration.ofSeconds(5);
  private static final Duration PARENT_POLL = Duration.ofMillis(250);
  private static final Logger LOG = LoggerFactory.getLogger(Interruption.class);
  private static final AtomicReference<String> REASON = new AtomicReference<>();
  private static volatile Consumer<String> stopRun;
  private static boolean installed;

  private Interruption() {}

  /**
   * From now on an interrupt stops the run with {@code stop} and the JVM ends within {@link #DEADLINE}. Call once the
   * run is prepared, before its load starts (a later call replaces the stop).
   *
   * @param stop stops the load gracefully, given the reason in a few words ({@code SIGINT}); it must return at once
   *     and leave it to the run to end the JVM with 130
   */
  public static synchronized void onInterrupt(Consumer<String> stop) {
    stopRun = java.util.Objects.requireNonNull(stop, "stop");
    if (installed) {
      return;
    }
    installed = true;
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal.handle(new Signal(name), s -> interrupt("SIG" + s.getName()));
      } catch (IllegalArgumentException e) {
        LOG.debug("SIG{} left to the JVM: {}", name, e.getMessage());
      }
    }
    ProcessHandle.current().parent().ifPresent(parent -> {
      Thread t = new Thread(() -> watchParent(parent), "sequela-parent-watch");
      t.setDaemon(true);
      t.start();
    });
  }

  /** Why the run was interrupted ({@code SIGINT}, {@code SIGTERM}, the parent gone), or null when it was not. */
  public static String reason() {
    return REASON.get();
  }

  /** The parent of a forked JVM is Maven: when it is gone (signalled alone, killed), nothing waits for this run. */
  private static void watchParent(ProcessHandle parent) {
    try {
      while (parent.isAlive()) {
        Thread.sleep(PARENT_POLL.toMillis());
      }
    } catch (InterruptedException e) {
      return;
    }
    interrupt("its parent process, pid " + parent.pid() + ", is gone");
  }

  /** Interrupts the run: the first call stops it within {@link #DEADLINE}, a second ends the JVM at once. */
  static void interrupt(String reason) {
    if (!REASON.compareAndSet(null, reason)) {
      say("sequela: interrupted again (" + reason + "): stopping the servers, exit " + ExitCodes.INTERRUPTED);
      halt();
      return;
    }
    Consumer<String> stop = stopRun;
    say("sequela: interrupted (" + reason + "): stopping the load and writing what ran, exit " + ExitCodes.INTERRUPTED
        + " within " + DEADLINE.toSeconds() + " s (interrupt again to exit at once)");
    Thread deadline = new Thread(() -> {
      try {
        Thread.sleep(DEADLINE.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      say("sequela: the run did not end within " + DEADLINE.toSeconds() + " s of the interrupt: stopping the servers, exit "
          + ExitCodes.INTERRUPTED + "; the files of what ran may be incomplete");
      halt();
    }, "sequela-interrupt-deadline");
    deadline.setDaemon(true);
    deadline.start();
    try {
      stop.accept(reason);
    } catch (RuntimeException e) {
      say("sequela: the run could not be stopped (" + e.getMessage() + "): stopping the servers, exit " + ExitCodes.INTERRUPTED);
      halt();
    }
  }

  /** Stops the servers this JVM started, each within {@link #SERVER_STOP}, then halts with 130 (no other hook runs). */
  private static void halt() {
    stopWithin(EmbeddedPostgres::stopIfStarted, "embedded PostgreSQL");
    stopWithin(GaleraCluster::stopIfStarted, "Galera cluster");
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
  }

  private static void stopWithin(Runnable stop, String what) {
    Thread t = new Thread(stop, "sequela-interrupt-stop");
    t.setDaemon(true);
    t.start();
    try {
      t.join(SERVER_STOP.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (t.isAlive()) {
      say("sequela: the " + what + " did not stop within " + SERVER_STOP.toSeconds() + " s; the next run on its data stops it");
    }
  }

  private static void say(String line) {
    System.err.println();
    System.err.println(line);
    System.err.flush();
  }
}

package io.sequela.run;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The interruption of a run whose load only has to stop (KeyGen, QueryBench): from {@link #start()} until
 * {@link #end()}, Ctrl-C, SIGTERM or the parent process gone ({@link Interruption}) runs Gatling's own stop, and the run,
 * once its load has ended, writes what ran as interrupted and exits {@link ExitCodes#INTERRUPTED}. Thread-safe.
 */
public final class InterruptibleLoad {

  private final AtomicReference<Runnable> stopLoad = new AtomicReference<>(() -> { });
  private String interrupted;
  private boolean ended;

  /** Hands an interrupt to this run from now on; call once the load is about to start (Gatling's {@code before()}). */
  public void start() {
    Interruption.onInterrupt(this::interrupt);
  }

  /** How to stop the load generator (Gatling's own stop of its injector); run at most once, on an interrupt. */
  public void stopWith(Runnable stop) {
    stopLoad.set(stop);
  }

  private synchronized void interrupt(String reason) {
    if (!ended && interrupted == null) {
      interrupted = "interrupted (" + reason + ")";
      stopLoad.get().run();
    }
  }

  /**
   * The load has ended (Gatling's {@code after()}): a later interrupt leaves the run to end its own way.
   *
   * @return why the load was interrupted, e.g. {@code interrupted (SIGINT)}, or null when it ran to its end
   */
  public synchronized String end() {
    ended = true;
    return interrupted;
  }
}

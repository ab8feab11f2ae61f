package io.sequela.keygen;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntConsumer;

/**
 * Runs a KeyGen run's steps (each strategy's warm-up, then the measured blocks) one after another when every virtual
 * user is injected at once: a user calls {@link #arrive(int)} when it reaches a step, polls {@link #isOpen(int)} until
 * the step opens and calls {@link #userDone(int)} when it has finished. A step opens once it is prepared
 * ({@code beforeStep}: probes, checkpoint) and all its users have arrived; when the last user of a step is done, the
 * next step is prepared. So the first step, prepared in Gatling's {@code before()} while no user runs yet, opens when the
 * last user has started, not before: a measured block that is the first step (a plan without warm-up) runs its whole
 * duration with every user instead of passing, empty, while Gatling starts them (issue 24: a first block with no insert,
 * its strategy without a p99 and its inserts/s dragged down). Thread-safe; never blocks a caller except the one that
 * prepares a step, for the duration of {@code beforeStep}.
 */
public final class StepGate {

  private final int[] usersPerStep;
  private final AtomicIntegerArray done;
  /** Per step: its users not yet arrived, plus one until it is prepared; the caller that brings it to 0 opens it. */
  private final AtomicIntegerArray waiting;
  private final AtomicLongArray openedAtMs;
  private final AtomicLongArray closedAtMs;
  private final AtomicLongArray openedAtNanos;
  private final AtomicLongArray closedAtNanos;
  private final IntConsumer beforeStep;
  private volatile int open = -1;

  /**
   * A gate over steps given by their user counts.
   *
   * @param usersPerStep virtual users of each step, in run order, each 0 or more (a step without users closes as soon
   *     as it opens)
   * @param beforeStep called with a step index to prepare that step, before it opens; an exception aborts the remaining
   *     steps (their users find them open and record the failure through their inserts)
   */
  public StepGate(int[] usersPerStep, IntConsumer beforeStep) {
    int n = usersPerStep.length;
    this.usersPerStep = usersPerStep.clone();
    this.done = new AtomicIntegerArray(n);
    this.waiting = new AtomicIntegerArray(n);
    for (int k = 0; k < n; k++) {
      waiting.set(k, usersPerStep[k] + 1);
    }
    this.openedAtMs = new AtomicLongArray(n);
    this.closedAtMs = new AtomicLongArray(n);
    this.openedAtNanos = new AtomicLongArray(n);
    this.closedAtNanos = new AtomicLongArray(n);
    this.beforeStep = beforeStep;
  }

  /** Prepares the first step; it opens when its users have arrived. */
  public void start() {
    prepare(0);
  }

  /** Records that one user has reached step {@code k}: once per user and step, before it polls {@link #isOpen}. */
  public void arrive(int k) {
    if (waiting.decrementAndGet(k) == 0) {
      openStep(k);
    }
  }

  /** True once step {@code k} has opened (and stays true). */
  public boolean isOpen(int k) {
    return open >= k;
  }

  /** Records that one user of step {@code k} finished; the last one prepares step {@code k + 1}. */
  public void userDone(int k) {
    if (done.incrementAndGet(k) == usersPerStep[k]) {
      close(k);
      if (k + 1 < usersPerStep.length) {
        prepare(k + 1);
      }
    }
  }

  private void prepare(int k) {
    try {
      beforeStep.accept(k);
    } finally {
      if (waiting.decrementAndGet(k) == 0) {
        openStep(k);
      }
    }
  }

  private void openStep(int k) {
    openedAtNanos.set(k, System.nanoTime());
    openedAtMs.set(k, System.currentTimeMillis());
    open = k;
    if (usersPerStep[k] == 0) {
      close(k);
      if (k + 1 < usersPerStep.length) {
        prepare(k + 1);
      }
    }
  }

  private void close(int k) {
    closedAtNanos.set(k, System.nanoTime());
    closedAtMs.set(k, System.currentTimeMillis());
  }

  /** Wall-clock time step {@code k} opened, in ms since the epoch, or 0 if it has not. */
  public long openedAtMs(int k) {
    return openedAtMs.get(k);
  }

  /** Wall-clock time the last user of step {@code k} finished, in ms since the epoch, or 0 if not yet. */
  public long closedAtMs(int k) {
    return closedAtMs.get(k);
  }

  /** {@link System#nanoTime()} when step {@code k} opened, or 0 if it has not. */
  long openedAtNanos(int k) {
    return openedAtNanos.get(k);
  }

  /** How long step {@code k} ran, open to last user done, in ns; 0 while it runs. */
  long wallNanos(int k) {
    long closed = closedAtNanos.get(k);
    return closed == 0 ? 0 : closed - openedAtNanos.get(k);
  }
}

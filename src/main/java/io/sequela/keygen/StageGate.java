package io.sequela.keygen;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntConsumer;

/**
 * Runs stages one after another when every virtual user is injected at once: a user polls
 * {@link #isOpen(int)} until its stage opens and calls {@link #userDone(int)} when it has finished. When the
 * last user of a stage is done, {@code beforeStage} prepares the next stage (switches the sequence mode) and
 * the next stage opens. Thread-safe; never blocks a caller except the last user of a stage, for the
 * duration of {@code beforeStage}.
 */
public final class StageGate {

  private final int[] usersPerStage;
  private final AtomicIntegerArray done;
  private final AtomicLongArray openedAtMs;
  private final AtomicLongArray closedAtMs;
  private final IntConsumer beforeStage;
  private volatile int open = -1;

  /**
   * A gate over stages given by their user counts.
   *
   * @param usersPerStage virtual users of each stage, in run order, each 0 or more (a stage without users
   *     closes as soon as it opens)
   * @param beforeStage called with a stage index just before that stage opens; an exception aborts the
   *     remaining stages (their users find them open and record the failure through their inserts)
   */
  public StageGate(int[] usersPerStage, IntConsumer beforeStage) {
    this.usersPerStage = usersPerStage.clone();
    this.done = new AtomicIntegerArray(usersPerStage.length);
    this.openedAtMs = new AtomicLongArray(usersPerStage.length);
    this.closedAtMs = new AtomicLongArray(usersPerStage.length);
    this.beforeStage = beforeStage;
  }

  /** Prepares and opens the first stage. */
  public void start() {
    openStage(0);
  }

  /** True once stage {@code k} has opened (and stays true). */
  public boolean isOpen(int k) {
    return open >= k;
  }

  /** Records that one user of stage {@code k} finished; the last one opens stage {@code k + 1}. */
  public void userDone(int k) {
    if (done.incrementAndGet(k) == usersPerStage[k]) {
      closedAtMs.set(k, System.currentTimeMillis());
      if (k + 1 < usersPerStage.length) {
        openStage(k + 1);
      }
    }
  }

  private void openStage(int k) {
    try {
      beforeStage.accept(k);
    } finally {
      openedAtMs.set(k, System.currentTimeMillis());
      open = k;
    }
    if (usersPerStage[k] == 0) {
      // no user here (another injector drives this stage's test): it is done as soon as it opens
      closedAtMs.set(k, System.currentTimeMillis());
      if (k + 1 < usersPerStage.length) {
        openStage(k + 1);
      }
    }
  }

  /** Wall-clock time stage {@code k} opened, in ms since the epoch, or 0 if it has not. */
  public long openedAtMs(int k) {
    return openedAtMs.get(k);
  }

  /** Wall-clock time the last user of stage {@code k} finished, in ms since the epoch, or 0 if not yet. */
  public long closedAtMs(int k) {
    return closedAtMs.get(k);
  }
}

package io.sequela.seqorder;

import io.sequela.gaps.StageStatus;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stages run one after another, each opened before its users start and finished after its last user is done:
 * {@link #open(int)} prepares stage k (SeqOrder: switch the sequence, verify it, open the stage's pools),
 * {@link #finish(int)} releases it (closes the pools). The load generator starts a stage's users only after
 * the previous stage's users have ended (Gatling's sequential populations); the last user of stage k calls
 * {@link #userDone(int)}, which finishes stage k and opens stage k + 1 before that user ends.
 *
 * <p>A stage that cannot open stops the run: it never starts, nor does any later one, and the stop listener
 * (given at construction) stops the load generator. {@link #stop(String)} does the same from outside (a dead
 * database). Thread-safe; only the first stop counts.
 */
public final class StageSequence {

  /** What opening and finishing a stage does; called at most once per stage, never concurrently. */
  public interface Steps {
    /**
     * Prepares stage {@code k} before its users start.
     *
     * @throws RuntimeException whose message, one line, says why the stage cannot run
     */
    void open(int k);

    /** Releases stage {@code k} once its last user is done (or the run ends); must not throw. */
    void finish(int k);
  }

  private final int[] usersPerStage;
  private final Steps steps;
  private final AtomicIntegerArray done;
  private final AtomicLongArray openedAtMs;
  private final AtomicLongArray closedAtMs;
  private final String[] failed;
  private final AtomicReference<String> stopReason = new AtomicReference<>();
  private volatile RuntimeException stopCause;
  private volatile int stoppedInStage = -1;
  private final Runnable onStop;

  /**
   * @param usersPerStage virtual users of each stage, in run order, each 0 or more (a stage without users here,
   *     one that another injector drives, finishes as soon as it opens)
   * @param steps what opening and finishing a stage does
   * @param onStop run once when the run is stopped (a stage that cannot open, {@link #stop}), e.g. the load
   *     generator's stop
   */
  public StageSequence(int[] usersPerStage, Steps steps, Runnable onStop) {
    this.usersPerStage = usersPerStage.clone();
    this.steps = steps;
    this.onStop = onStop;
    this.done = new AtomicIntegerArray(usersPerStage.length);
    this.openedAtMs = new AtomicLongArray(usersPerStage.length);
    this.closedAtMs = new AtomicLongArray(usersPerStage.length);
    this.failed = new String[usersPerStage.length];
  }

  /** Number of stages. */
  public int size() {
    return usersPerStage.length;
  }

  /**
   * Opens stage {@code k}; a stage without users finishes at once and opens the next.
   *
   * @throws IllegalStateException when the run has been stopped
   * @throws RuntimeException from {@link Steps#open}: the stage did not open (its reason is kept for
   *     {@link #reason}); the caller decides whether that stops the run
   */
  public synchronized void open(int k) {
    if (isStopped()) {
      throw new IllegalStateException("the run has stopped: " + stopReason.get());
    }
    try {
      steps.open(k);
    } catch (RuntimeException e) {
      failed[k] = e.getMessage();
      throw e;
    }
    openedAtMs.set(k, System.currentTimeMillis());
    if (usersPerStage[k] == 0) {
      finish(k);
      if (k + 1 < usersPerStage.length) {
        open(k + 1);
      }
    }
  }

  /** Finishes stage {@code k} (idempotent) and records when. */
  public synchronized void finish(int k) {
    if (openedAtMs.get(k) != 0 && closedAtMs.get(k) == 0) {
      closedAtMs.set(k, System.currentTimeMillis());
      steps.finish(k);
    }
  }

  /**
   * Records that one user of stage {@code k} is done; the last one finishes stage {@code k} and opens the
   * next, or stops the run when the next cannot open.
   */
  public void userDone(int k) {
    if (done.incrementAndGet(k) != usersPerStage[k]) {
      return;
    }
    finish(k);
    if (k + 1 < usersPerStage.length && !isStopped()) {
      try {
        open(k + 1);
      } catch (RuntimeException e) {
        stop(e.getMessage(), e);
      }
    }
  }

  /**
   * Stops the run: no further stage opens, the stage under way (if any) counts as cut short, and the stop
   * listener runs. Only the first call counts.
   *
   * @param reason one line, e.g. which node and host failed and the last error
   * @return true for the call that stopped the run
   */
  public boolean stop(String reason) {
    return stop(reason, null);
  }

  /**
   * As {@link #stop(String)}, keeping the failure that stopped the run (its kind sets the exit status).
   *
   * @param cause the stage's failure, or null
   */
  public boolean stop(String reason, RuntimeException cause) {
    if (!stopReason.compareAndSet(null, reason)) {
      return false;
    }
    stopCause = cause;
    stoppedInStage = running();
    onStop.run();
    return true;
  }

  /** The stage whose users are at work (opened, not finished), or -1. */
  private int running() {
    for (int k = 0; k < usersPerStage.length; k++) {
      if (openedAtMs.get(k) != 0 && closedAtMs.get(k) == 0) {
        return k;
      }
    }
    return -1;
  }

  /** True once the run has been stopped. */
  public boolean isStopped() {
    return stopReason.get() != null;
  }

  /** The failure that stopped the run (a stage that could not open), or null (a stop from outside, or none). */
  RuntimeException stopCause() {
    return stopCause;
  }

  /** Why the run was stopped, if it was. */
  Optional<String> stopReason() {
    return Optional.ofNullable(stopReason.get());
  }

  /** True once stage {@code k} has opened. */
  boolean hasOpened(int k) {
    return openedAtMs.get(k) != 0;
  }

  /**
   * What became of stage {@code k}, asked once the load has ended: ran, cut short (under way when the run
   * stopped, or never finished: Gatling's maxDuration) or not run.
   */
  public StageStatus.State state(int k) {
    if (!hasOpened(k)) {
      return StageStatus.State.NOT_RUN;
    }
    return stoppedInStage == k || closedAtMs.get(k) == 0 ? StageStatus.State.CUT_SHORT : StageStatus.State.RAN;
  }

  /**
   * Why stage {@code k} was cut short or did not run (the reason its opening gave, or the run's stop reason);
   * null when it ran.
   */
  public String reason(int k) {
    String why = stopReason.get() != null ? stopReason.get() : "the load ended first (Gatling's maxDuration)";
    return switch (state(k)) {
      case RAN -> null;
      case CUT_SHORT -> "the run stopped: " + why;
      case NOT_RUN -> failed[k] != null ? failed[k] : "the run stopped before it: " + why;
    };
  }

  /** Wall-clock time stage {@code k} opened, in ms since the epoch, or 0 if it has not. */
  public long openedAtMs(int k) {
    return openedAtMs.get(k);
  }

  /** Wall-clock time stage {@code k} finished, in ms since the epoch, or 0 if not yet. */
  public long closedAtMs(int k) {
    return closedAtMs.get(k);
  }
}

import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.sequela.keygen.StageGate;
import java.time.Duration;

/**
 * A stage's work for one virtual user when every user is injected at once: wait until the stage opens
 * (polling every 5 ms), run the work inside a Gatling group, then tell the gate this user is done.
 */
final class Gated {

  private static final Duration POLL = Duration.ofMillis(5);

  private Gated() {}

  static ChainBuilder stage(StageGate gate, int stage, String group, ChainBuilder work) {
    return asLongAs(session -> !gate.isOpen(stage)).on(pause(POLL))
        .group(group).on(work)
        .exec(session -> {
          // the last user of a stage may wait for other injectors (StageBarrier); one that does not come ends the run
          SimulationExit.orExit(() -> {
            gate.userDone(stage);
            return null;
          });
          return session;
        });
  }

  /** Opens the first stage; for {@code Simulation.before()}. */
  static void start(StageGate gate) {
    SimulationExit.orExit(() -> {
      gate.start();
      return null;
    });
  }
}

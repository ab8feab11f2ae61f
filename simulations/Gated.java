import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.sequela.keygen.StepGate;
import java.time.Duration;

/**
 * A KeyGen step's work for one virtual user when every user is injected at once: tell the gate this user has arrived,
 * wait until the step opens (polling every 5 ms, passing the run's stop check), run the work inside a Gatling group,
 * then tell the gate this user is done.
 */
final class Gated {

  private static final Duration POLL = Duration.ofMillis(5);

  private Gated() {}

  static ChainBuilder step(StepGate gate, int step, String group, ChainBuilder work, GatlingStop stop) {
    return exec(session -> {
          gate.arrive(step);
          return session;
        })
        .asLongAs(session -> !gate.isOpen(step)).on(stop.check().pause(POLL))
        .group(group).on(work)
        .exec(session -> {
          // the last user of a step prepares the next (checkpoint, probes); a database failure there ends the run
          SimulationExit.orExit(() -> {
            gate.userDone(step);
            return null;
          });
          return session;
        });
  }

}

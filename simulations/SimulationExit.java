import io.sequela.SequelaException;
import java.util.function.Supplier;

/**
 * Turns a sequela error raised while a simulation is built into one message on stderr and a non-zero
 * exit, without a stack trace: 2 for bad input (plan, settings), 3 for a database that cannot be reached.
 */
final class SimulationExit {

  private SimulationExit() {}

  static <T> T orExit(Supplier<T> step) {
    try {
      return step.get();
    } catch (SequelaException e) {
      System.err.println();
      e.getMessage().lines().forEach(l -> System.err.println("sequela: " + l));
      System.err.flush();
      System.exit(e instanceof SequelaException.InvalidInput ? 2 : 3);
      throw e;
    }
  }
}

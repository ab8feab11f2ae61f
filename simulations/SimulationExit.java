import io.sequela.SequelaException;
import io.sequela.run.ExitCodes;
import java.util.function.Supplier;

/**
 * Turns a sequela error raised while a simulation is built into one message on stderr and a non-zero
 * exit ({@link ExitCodes}: bad input, an unsupported database included, 64; the database 69), without a
 * stack trace.
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
      System.exit(ExitCodes.of(e));
      throw e;
    }
  }
}

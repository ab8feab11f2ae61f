import io.sequela.SequelaException;
import java.util.function.Supplier;

/**
 * Turns a sequela error raised while a simulation is built into one message on stderr and a non-zero
 * exit, without a stack trace. Exit codes of the forked Gatling JVM (sysexits.h; Gatling itself uses 1 for a
 * crash and 2 for failed assertions): 64 bad input (plan, settings), 69 a database that cannot be reached or
 * refuses the schema, 70 a run whose reconciliation failed (OK != rows).
 */
final class SimulationExit {

  static final int BAD_INPUT = 64;
  static final int DATABASE = 69;
  static final int RECONCILIATION_FAILED = 70;

  private SimulationExit() {}

  static <T> T orExit(Supplier<T> step) {
    try {
      return step.get();
    } catch (SequelaException e) {
      System.err.println();
      e.getMessage().lines().forEach(l -> System.err.println("sequela: " + l));
      System.err.flush();
      System.exit(e instanceof SequelaException.InvalidInput ? BAD_INPUT : DATABASE);
      throw e;
    }
  }
}

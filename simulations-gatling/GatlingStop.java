import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;

import io.gatling.javaapi.core.ChainBuilder;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Gatling's own stop (3.12 and later: the DSL's {@code stopLoadGeneratorIf}; Gatling 3.12 dropped Akka and with it
 * the controller message sequela used to send) for a stop decided outside a virtual user: a timer that finds a dead
 * database, a stage that cannot open. The run is handed a stop that marks the request; every user passes
 * {@link #check()} once per iteration and while it waits, and the first to pass after the request stops the load
 * generator (Gatling then ends the run normally: {@code after()}, the report). The 3.11 twin for the JDBC plugin's
 * profile is simulations-jdbc-plugin/GatlingStop.java.
 */
final class GatlingStop {

  private static final String WHY = "sequela stopped the run";

  private final AtomicReference<String> requested = new AtomicReference<>();

  /** @param register receives the stop at once (called from any thread, any number of times) */
  GatlingStop(Consumer<Runnable> register) {
    register.accept(() -> requested.compareAndSet(null, WHY));
  }

  /**
   * Stops the load generator when the stop was requested, after handing every user's held responses to Gatling's
   * stats engine ({@code LeanJdbc.UserLoop.flushAll}); otherwise goes on.
   */
  ChainBuilder check() {
    return stopLoadGeneratorIf(session -> requested.get(), session -> LeanJdbc.UserLoop.flushAllIf(requested.get() != null));
  }
}

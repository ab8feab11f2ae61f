import static io.gatling.javaapi.core.CoreDsl.stopInjectorIf;

import io.gatling.javaapi.core.ChainBuilder;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Gatling 3.11's own stop (the DSL's {@code stopInjectorIf}, renamed stopLoadGeneratorIf in later versions) for a stop decided outside a virtual user: a timer that finds a dead
 * database, a stage that cannot open. The run is handed a stop that marks the request; every user passes
 * {@link #check()} once per iteration and while it waits, and the first to pass after the request stops the load
 * generator (Gatling then ends the run normally: {@code after()}, the report). The twin for the current Gatling
 * is simulations-gatling/GatlingStop.java; this one compiles only on the JDBC plugin's profile (-Pjdbc-plugin).
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
    return stopInjectorIf(session -> requested.get(), session -> LeanJdbc.UserLoop.flushAllIf(requested.get() != null));
  }
}

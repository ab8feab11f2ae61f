import akka.actor.ActorRef;
import io.gatling.core.action.Action;
import io.gatling.core.controller.ControllerCommand;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ActionBuilder;
import java.util.function.Consumer;

/**
 * Hands sequela a way to stop the load generator from outside a virtual user (a timer that finds a dead
 * database): Gatling's own stop, the message its {@code stopInjector} action sends to its controller. Placed at
 * the head of a scenario it adds nothing to the chain (it builds to the next action); building it hands
 * {@code register} a stop that sends the message.
 */
final class GatlingStop implements ActionBuilder {

  private final Consumer<Runnable> register;

  /** @param register receives the stop when Gatling builds the scenario (once per scenario, same stop) */
  GatlingStop(Consumer<Runnable> register) {
    this.register = register;
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return new io.gatling.core.action.builder.ActionBuilder() {
      @Override
      public Action build(ScenarioContext ctx, Action next) {
        ActorRef controller = ctx.coreComponents().controller();
        register.accept(() -> controller.tell(ControllerCommand.StopInjector$.MODULE$, ActorRef.noSender()));
        return next;
      }
    };
  }
}

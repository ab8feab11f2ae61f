import com.typesafe.scalalogging.Logger;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ActionBuilder;
import io.sequela.simulation.InsertWorkers;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * A lean Gatling insert action: each insert is handed to the node's {@link InsertWorkers} (one thread and one
 * connection per user, a reused PreparedStatement) and comes back to the user's event loop once. Logs the
 * response as the org.galaxio JDBC plugin does (same request name, groups and simulation.log line; a failed
 * insert is a KO with code ERROR and the driver's message), so reports and reconciliation read it alike.
 */
final class LeanInsert implements ActionBuilder {

  private final String requestName;
  private final Function<LongSupplier, InsertWorkers> workers;

  /**
   * @param requestName Gatling request name, e.g. {@code 70_30_ratio ORDER node 1}
   * @param workers opens the node's workers given Gatling's clock (ms); called once, when Gatling builds the
   *     scenario
   */
  LeanInsert(String requestName, Function<LongSupplier, InsertWorkers> workers) {
    this.requestName = requestName;
    this.workers = workers;
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return new io.gatling.core.action.builder.ActionBuilder() {
      @Override
      public Action build(ScenarioContext ctx, Action next) {
        var clock = ctx.coreComponents().clock();
        return new InsertAction(requestName, workers.apply(clock::nowMillis), ctx.coreComponents().statsEngine(), next);
      }
    };
  }

  /** The action: Java implementing Gatling's Scala {@code Action} trait (and its StrictLogging). */
  private static final class InsertAction implements Action {

    private static final Logger LOGGER = Logger.apply(LoggerFactory.getLogger(LeanInsert.class));
    private static final Option<String> ERROR = Option.apply("ERROR");

    private final String requestName;
    private final InsertWorkers workers;
    private final StatsEngine stats;
    private final Action next;

    InsertAction(String requestName, InsertWorkers workers, StatsEngine stats, Action next) {
      this.requestName = requestName;
      this.workers = workers;
      this.stats = stats;
      this.next = next;
    }

    @Override
    public String name() {
      return "leanInsert " + requestName;
    }

    @Override
    public String toString() {
      return name();
    }

    @Override
    public void execute(Session session) {
      workers.submit((startMs, endMs, error) -> {
        stats.logResponse(session.scenario(), session.groups(), requestName, startMs, endMs,
            error == null ? OK$.MODULE$ : KO$.MODULE$, error == null ? Option.empty() : ERROR, Option.apply(error));
        next.$bang(session.logGroupRequestTimings(startMs, endMs));
      });
    }

    @Override
    public Logger logger() {
      return LOGGER;
    }

    @Override
    public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {
      // the logger is a constant; Scala's trait initialiser, which would call this, does not run for Java classes
    }
  }
}

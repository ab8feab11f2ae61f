import com.typesafe.scalalogging.Logger;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.util.Clock;
import io.gatling.core.CoreComponents;
import io.gatling.core.action.Action;
import io.gatling.core.stats.StatsEngine;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Session;
import io.sequela.gatlingrun.KoCodes;
import io.sequela.load.JdbcWorkers;
import io.sequela.load.Outcome;
import io.sequela.load.Work;
import io.sequela.record.RequestRecord;
import io.netty.channel.DefaultEventLoop;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.LoggerFactory;
import scala.Function1;
import scala.Option;
import scala.runtime.BoxedUnit;

/**
 * sequela's lean JDBC request, the one Gatling action of every simulation: the virtual user's
 * {@link Work} (insert, query or commit) runs on its worker in {@link JdbcWorkers} (one connection per user,
 * reused prepared statements) on the user's own thread. At its first request a virtual user moves from Gatling's
 * event loop to an event loop of its own ({@link UserLoop}, one thread, ended when the user exits), and every later
 * action of the user (the loop, the stop check, pauses, the next request) runs there: a request costs no thread
 * hand-over, as pgbench's client runs its connections on its own threads; blocking JDBC never blocks Gatling's
 * event loops, which other users share. Logs the
 * response as the org.galaxio JDBC plugin does (request name, groups, simulation.log line), with start and end
 * taken around execute in
 * ns and given in Gatling's ms. A failure is a KO whose response code is the statement's error code (vendor
 * code or SQLSTATE, {@link Outcome#errorCode}; ERROR when the database was not reached) and whose message is
 * {@code "[<code>] <driver message> (SQLState: ...)"} ({@link KoCodes#message}) for Gatling's error table. Every
 * request also goes, as it settles, to sequela's own run record ({@link RequestRecord}: key, start and end ns, OK/KO,
 * error code, rows), on the worker thread, which is what sequela's figures read (never simulation.log).
 * An insert inside an open transaction (commit policy other than each) is logged when that transaction ends
 * ({@link Work#settled()}): OK once committed, KO when rolled back, with its own start and end; the user goes on
 * at once. All the Gatling (Scala) plumbing of sequela lives here.
 */
final class LeanJdbc implements ActionBuilder {

  private final RequestRecord record;
  private final String requestName;
  private final Function<LongSupplier, JdbcWorkers> workers;
  private final Function<Session, Work> work;

  /**
   * @param record the run's record, where every request goes as it settles
   * @param requestName Gatling request name, e.g. {@code insert uuid4}
   * @param workers the workers given Gatling's clock (ms); called when Gatling builds the scenario, once per
   *     place this action is used: return the same workers wherever one user's work must share a connection
   * @param work the unit of work for the user's session, on the user's event loop
   */
  LeanJdbc(RequestRecord record, String requestName, Function<LongSupplier, JdbcWorkers> workers,
      Function<Session, Work> work) {
    this.record = record;
    this.requestName = requestName;
    this.workers = workers;
    this.work = work;
  }

  /** The same unit of work for every session. */
  LeanJdbc(RequestRecord record, String requestName, Function<LongSupplier, JdbcWorkers> workers, Work work) {
    this(record, requestName, workers, session -> work);
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return new io.gatling.core.action.builder.ActionBuilder() {
      @Override
      public Action build(ScenarioContext ctx, Action next) {
        var clock = ctx.coreComponents().clock();
        return new JdbcAction(record, requestName, workers.apply(clock::nowMillis), work, ctx.coreComponents(), next);
      }
    };
  }

  /**
   * A virtual user's own event loop (Netty's {@link DefaultEventLoop}: one daemon thread, its task queue and its
   * timers, so Gatling's pauses and loops run on it as on Gatling's own event loops); the user's session carries it
   * from its first lean request on, and it shuts down when the user exits.
   *
   * <p>It also holds the user's responses for Gatling's stats engine for up to {@link #LOG_DELAY_MS} ms and hands
   * them over together ({@link #logLater}): each {@code logResponse} is a message to Gatling's data-writer actors,
   * and one message at a time wakes a thread of Gatling's actor pool per request (about 11 µs of client CPU per
   * insert, docs/insert-path-profile.md); a batch wakes it once. The responses keep their own start and end ms, so
   * Gatling's figures do not change; sequela's own record is written at once, never deferred. The held responses
   * go out before the user's exit steps run (the last user's exit may end the simulation), and every live user's go
   * out when sequela stops the run ({@link #flushAll}, called by {@code GatlingStop} just before Gatling's stop), so a
   * stopped run's report loses none of them. Lost only when Gatling ends the run by itself at its max duration (the
   * hang guard, after sequela's dead-database watch would have stopped it): up to {@link #LOG_DELAY_MS} ms per user.
   */
  static final class UserLoop extends DefaultEventLoop {

    /**
     * The longest a response waits on the user's loop before it goes to Gatling's stats engine, ms. At 100 rather
     * than 10 ms (bench settings, 3 runs each) Gatling's actor pool woke 0.02 rather than 0.14-0.26 times per insert,
     * the users were preempted 0.02-0.05 rather than 0.15-0.24 times, and the client's CPU per insert fell from
     * 52-65 to 34-42 µs (docs/insert-path-profile.md).
     */
    static final long LOG_DELAY_MS = 100;

    /** The loops of the users alive now, whose held responses {@link #flushAll} hands over. */
    private static final java.util.Set<UserLoop> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final java.util.ArrayList<Runnable> heldLogs = new java.util.ArrayList<>();
    private final Runnable flush = this::flushLogs;

    /** A loop not yet carrying a session (tests); {@link #moveTo} makes one per user. */
    static UserLoop start(long user) {
      UserLoop loop = new UserLoop(user);
      LIVE.add(loop);
      return loop;
    }

    /** Ends the loop: hands its held responses over first; it is no longer live. */
    void end() {
      try {
        flushLogs();
      } finally {
        LIVE.remove(this);
        shutdownGracefully(0, 1, TimeUnit.SECONDS);
      }
    }

    /**
     * Hands every live user's held responses to Gatling's stats engine now, from any thread: called when sequela
     * stops the run, before Gatling stops its load generator and its data writers. Never throws.
     */
    static void flushAll() {
      for (UserLoop loop : LIVE) {
        loop.flushLogs();
      }
    }

    /** {@link #flushAll} when {@code stopping}; returns {@code stopping} (a stop condition's last step). */
    static boolean flushAllIf(boolean stopping) {
      if (stopping) {
        flushAll();
      }
      return stopping;
    }

    private UserLoop(long user) {
      super((ThreadFactory) r -> {
        Thread t = new Thread(r, "sequela-user " + user);
        t.setDaemon(true);
        return t;
      });
    }

    /**
     * Runs {@code logResponse} within {@link #LOG_DELAY_MS} ms, with the others held by then; at once when called
     * off this loop's thread. Never throws.
     */
    void logLater(Runnable logResponse) {
      if (!inEventLoop()) {
        logResponse.run();
        return;
      }
      synchronized (heldLogs) {
        if (heldLogs.isEmpty()) {
          schedule(flush, LOG_DELAY_MS, TimeUnit.MILLISECONDS);
        }
        heldLogs.add(logResponse);
      }
    }

    /** Hands every held response to Gatling's stats engine, in the order they settled; from any thread. */
    void flushLogs() {
      synchronized (heldLogs) {
        for (Runnable r : heldLogs) {
          r.run();
        }
        heldLogs.clear();
      }
    }

    /** The session on a new loop of its own, which ends after the session's own exit steps. */
    static io.gatling.core.session.Session moveTo(io.gatling.core.session.Session session) {
      UserLoop loop = start(session.userId());
      Function1<io.gatling.core.session.Session, BoxedUnit> exit = session.onExit();
      Function1<io.gatling.core.session.Session, BoxedUnit> exitThenEnd = s -> {
        try {
          loop.flushLogs();
          exit.apply(s);
        } finally {
          loop.end();
        }
        return BoxedUnit.UNIT;
      };
      return session.copy(session.scenario(), session.userId(), session.attributes(), session.baseStatus(),
          session.blockStack(), exitThenEnd, loop);
    }
  }

  /** The action: Java implementing Gatling's Scala {@code Action} trait (and its StrictLogging). */
  private static final class JdbcAction implements Action {

    private static final Logger LOGGER = Logger.apply(LoggerFactory.getLogger(LeanJdbc.class));
    private static final Option<String> ERROR = Option.apply("ERROR");

    private final RequestRecord record;
    private final int key;
    private final String requestName;
    private final JdbcWorkers workers;
    private final Function<Session, Work> work;
    private final StatsEngine stats;
    private final Clock clock;
    private final Action next;

    JdbcAction(RequestRecord record, String requestName, JdbcWorkers workers, Function<Session, Work> work,
        CoreComponents core, Action next) {
      this.record = record;
      this.key = record.key(requestName);
      this.requestName = requestName;
      this.workers = workers;
      this.work = work;
      this.stats = core.statsEngine();
      this.clock = core.clock();
      this.next = next;
    }

    @Override
    public String name() {
      return "leanJdbc " + requestName;
    }

    @Override
    public String toString() {
      return name();
    }

    @Override
    public void execute(io.gatling.core.session.Session session) {
      Work w;
      try {
        w = work.apply(new Session(session));
      } catch (RuntimeException e) {
        long now = clock.nowMillis();
        done(session, new Outcome(now, now, System.nanoTime(), 0, 0, requestName + ": " + e, null));
        return;
      }
      io.gatling.core.session.Session s = session.eventLoop() instanceof UserLoop ? session : UserLoop.moveTo(session);
      // through the loop's queue, also when already on it: the stack unwinds between two requests of one user
      s.eventLoop().execute(() -> workers.run(s.userId(), w.settledBy(o -> log(s, o)), o -> next(s, o)));
    }

    private void done(io.gatling.core.session.Session session, Outcome o) {
      log(session, o);
      next(session, o);
    }

    private void log(io.gatling.core.session.Session session, Outcome o) {
      record.write(key, o.ok(), o.errorCode(), o.startNanos(), o.durationNanos(), o.rows());
      Option<String> code = o.ok() ? Option.empty() : o.errorCode() == null ? ERROR : Option.apply(o.errorCode());
      String message = o.ok() || o.errorCode() == null ? o.error() : KoCodes.message(o.errorCode(), o.error());
      Runnable logResponse = () -> stats.logResponse(session.scenario(), session.groups(), requestName, o.startMs(),
          o.endMs(), o.ok() ? OK$.MODULE$ : KO$.MODULE$, code, Option.apply(message));
      if (session.eventLoop() instanceof UserLoop loop) {
        loop.logLater(logResponse);
      } else {
        logResponse.run();
      }
    }

    private void next(io.gatling.core.session.Session session, Outcome o) {
      next.$bang(session.logGroupRequestTimings(o.startMs(), o.endMs()));
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

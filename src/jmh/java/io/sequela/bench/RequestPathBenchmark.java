package io.sequela.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.sequela.load.JdbcWorkers;
import io.sequela.load.Outcome;
import io.sequela.load.Work;
import io.sequela.record.RequestRecord;
import io.sequela.seqorder.JobExecutionInsert;
import io.sequela.stats.LatencyRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The harness's own cost per request (µs/op): SeqOrderSimulation's insert ({@link JobExecutionInsert}: its five
 * bindings, PY_DATE read from the clock) through {@link JdbcWorkers} against a connection that does nothing
 * ({@link NoOpJdbc}, behind a HikariCP pool as in a run), so the figure does not depend on a database. With
 * {@code recording=true} every outcome is also settled as {@code simulations/LeanJdbc} settles it: one entry in
 * the run record ({@link RequestRecord}) and the ns span into a µs latency histogram ({@link LatencyRecorder}, as
 * {@code seqorder.InsertLatencies} records it); with {@code false} the settle step does nothing.
 *
 * <ul>
 *   <li>{@code baseline}: bind and executeUpdate on the pooled no-op statement directly: what the stub itself
 *       costs (Hikari's and the proxies' calls), the floor under the other two;
 *   <li>{@code runOnUsersThread}: {@link JdbcWorkers#run}, the work and its completion on the calling thread, as
 *       LeanJdbc runs it on the virtual user's own event loop (without the loop's same-thread queue step, tens of
 *       ns);
 *   <li>{@code submitAndWait}: {@link JdbcWorkers#submit} from this thread and a wait for the completion, which
 *       wakes this thread: one thread hand-over each way, as LeanJdbc drove the workers before issue 26 (Gatling's
 *       event loop was woken through an eventfd there, this thread through a futex: the same kind of cost).
 * </ul>
 *
 * <p>Outside JMH's reach: Gatling's own cost per request (one {@code StatsEngine.logResponse}, a message to
 * Gatling's DataWriter actor that wakes a thread of its pool; its loop and stop-check actions), which the profile
 * in docs/insert-path-profile.md shows. Goal (issue 26): {@code runOnUsersThread} with recording at most 10 µs.
 * Nothing here asserts a timing; the TearDown checks that the statements ran.
 *
 * <p>HOW TO RUN: {@code mvn -Pbench verify -Dbench=RequestPathBenchmark} (about a minute);
 * {@code -Dbench=RequestPathBenchmark.runOnUsersThread} runs one method.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(1)
public class RequestPathBenchmark {

  /** One virtual user's workers over the no-op pool, its insert and (with {@code recording}) the run record and histogram. */
  @State(Scope.Thread)
  public static class Request {
    private static final long USER = 1;

    @Param({"false", "true"})
    boolean recording;

    private final AtomicLong executed = new AtomicLong();
    private HikariDataSource pool;
    private JdbcWorkers workers;
    private Path dir;
    private RequestRecord record;
    private LatencyRecorder latencies;
    private Work insert;
    private Consumer<Outcome> settle;
    private Outcome last;
    private volatile Outcome handedBack;
    private volatile Thread caller;

    @Setup(Level.Trial)
    public void open() throws IOException, SQLException {
      pool = NoOpJdbc.pool(2, executed);
      workers = JdbcWorkers.open(pool, "bench", 1, System::currentTimeMillis);
      dir = Files.createTempDirectory("sequela-request-path");
      record = RequestRecord.open(dir.resolve(RequestRecord.FILE));
      latencies = LatencyRecorder.start(dir.resolve("latency.hlog"), Duration.ofMillis(250));
      Work work = JobExecutionInsert.work(1, "bench", "bench-run", "NOORDER", 1);
      if (recording) {
        int key = record.key("bench NOORDER node 1");
        LatencyRecorder.Channel channel = latencies.channel("bench/NOORDER/node-1");
        work = work.settledBy(o -> {
          if (o.ok()) {
            channel.recordNanos(o.durationNanos());
          }
        });
        settle = o -> record.write(key, o.ok(), o.errorCode(), o.startNanos(), o.durationNanos(), o.rows());
      } else {
        settle = o -> {};
      }
      insert = work;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      workers.close();
      record.close();
      latencies.close();
      long requests = executed.get();
      long recorded = latencies.totals().values().stream().mapToLong(h -> h.getTotalCount()).sum();
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
      if (requests == 0 || (recording && recorded == 0)) {
        throw new IllegalStateException("no statement ran (" + requests + ") or nothing was recorded (" + recorded + ")");
      }
    }
  }

  /** The no-op statement alone, prepared from a pooled connection, for {@code baseline}. */
  @State(Scope.Thread)
  public static class Stub {
    private final AtomicLong executed = new AtomicLong();
    private HikariDataSource pool;
    private Connection connection;
    private PreparedStatement statement;
    private final Work.Binder binder = JobExecutionInsert.work(1, "bench", "bench-run", "NOORDER", 1).binder();

    @Setup(Level.Trial)
    public void open() throws SQLException {
      pool = NoOpJdbc.pool(1, executed);
      connection = pool.getConnection();
      statement = connection.prepareStatement(JobExecutionInsert.SQL);
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      statement.close();
      connection.close();
      pool.close();
      if (executed.get() == 0) {
        throw new IllegalStateException("no statement ran");
      }
    }
  }

  /** The stub's own cost: bind and executeUpdate on the pooled no-op statement. */
  @Benchmark
  public int baseline(Stub stub) throws SQLException {
    stub.binder.bind(stub.statement);
    return stub.statement.executeUpdate();
  }

  /** The request on the calling thread, as LeanJdbc runs it on the user's own event loop. */
  @Benchmark
  public Outcome runOnUsersThread(Request p) {
    // a Work per request, as LeanJdbc adds the request's own settle step (its session) to it
    p.workers.run(Request.USER, p.insert.settledBy(p.settle), o -> p.last = o);
    return p.last;
  }

  /** The request handed to the worker's thread and back: one hand-over each way. */
  @Benchmark
  public Outcome submitAndWait(Request p) {
    p.handedBack = null;
    p.caller = Thread.currentThread();
    p.workers.submit(Request.USER, p.insert.settledBy(p.settle), o -> {
      p.handedBack = o;
      LockSupport.unpark(p.caller);
    });
    Outcome o;
    while ((o = p.handedBack) == null) {
      LockSupport.park(p);
    }
    return o;
  }
}

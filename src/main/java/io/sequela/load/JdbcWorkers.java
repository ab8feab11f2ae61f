package io.sequela.load;

import com.zaxxer.hikari.HikariDataSource;
import io.sequela.db.Dialect;
import io.sequela.db.Target;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC side of sequela's lean load action: one worker per virtual user, each holding ONE connection of a
 * HikariCP pool and its prepared statements (one per SQL text, reused). A user's first {@link #run} or
 * {@link #submit} binds it to a free worker, so all its work (inserts and the COMMIT that ends their
 * transaction, or queries) runs on one connection, in order. {@link #run} runs the work on the caller's thread
 * (the user's own thread, which Gatling's actions of that user then also run on: no thread hand-over per
 * request); {@link #submit} hands it to the worker's own thread and back (one hand-over each way). The timed
 * span is execute (+ reading the rows, or the commit alone), see {@link Outcome}.
 *
 * <p>A failed statement is a failed {@link Outcome} (driver message, SQLSTATE and the error code the target's
 * dialect names it by); the worker keeps its
 * connection unless the connection is no longer valid, in which case it is evicted from the pool and the
 * next work borrows another. On a connection with autocommit off a failure also rolls the open transaction
 * back (on every database, so a batch is all or nothing): the inserts it held are settled as failed
 * ({@link Work#settled()}), so a rolled-back batch counts as failures, never as rows. Connections are
 * borrowed on a worker's first work, so they run nothing before the caller's first statement. Thread-safe;
 * {@link #close()} stops the workers and gives their connections back.
 */
public final class JdbcWorkers implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcWorkers.class);
  private static final int VALID_TIMEOUT_S = 2;
  private static final String ROLLED_BACK = "rolled back with its transaction: ";

  /** Receives an outcome, on the worker thread. */
  @FunctionalInterface
  public interface Completion {
    void done(Outcome outcome);
  }

  private final String name;
  private final Supplier<HikariDataSource> pool;
  private final boolean ownsPool;
  private final Function<SQLException, String> errorCode;
  private final int capacity;
  private final long originMs;
  private final long originNanos;
  private final Map<Long, Worker> byUser = new ConcurrentHashMap<>();
  private final Queue<Worker> started = new ConcurrentLinkedQueue<>();
  private final AtomicInteger count = new AtomicInteger();
  private volatile boolean closed;

  private JdbcWorkers(Supplier<HikariDataSource> pool, boolean ownsPool, String name, int capacity, LongSupplier clockMs,
      Function<SQLException, String> errorCode) {
    if (capacity < 1) {
      throw new IllegalArgumentException("workers must be >= 1, got " + capacity);
    }
    this.name = name;
    this.pool = pool;
    this.ownsPool = ownsPool;
    this.errorCode = errorCode;
    this.capacity = capacity;
    this.originNanos = System.nanoTime();
    this.originMs = clockMs.getAsLong();
  }

  /**
   * Workers over an open pool, which they own from now on (closed by {@link #close()}).
   *
   * @param pool holds at least {@code workers} connections; its autocommit setting is the workers'
   * @param name for thread names and messages, e.g. {@code node-1 ORDER}
   * @param workers the most virtual users served, at least 1
   * @param clockMs the clock the outcomes' ms are given on (Gatling's), ms since the epoch; read once
   */
  public static JdbcWorkers open(HikariDataSource pool, String name, int workers, LongSupplier clockMs) {
    return open(pool, name, workers, clockMs, Dialect::vendorCodeOrSqlState);
  }

  /**
   * As {@link #open(HikariDataSource, String, int, LongSupplier)}, naming a failed statement's error code as the
   * target's database does.
   *
   * @param errorCode e.g. {@code target.dialect()::errorCode} (vendor code, else SQLSTATE; Oracle's ORA-nnnnn)
   */
  public static JdbcWorkers open(HikariDataSource pool, String name, int workers, LongSupplier clockMs,
      Function<SQLException, String> errorCode) {
    return new JdbcWorkers(() -> pool, true, name, workers, clockMs, errorCode);
  }

  /**
   * Workers over a pool someone else opens and closes (a stage that opens its pools when it starts): each
   * worker asks {@code pool} when it first borrows a connection; while it gives null, work fails with
   * {@code <name>: its pool is not open}. {@link #close()} gives the connections back but leaves the pool open.
   *
   * @param pool the pool, or null while it is not open
   * @param name as in {@link #open}
   * @param workers as in {@link #open}
   * @param clockMs as in {@link #open}
   * @param errorCode as in {@link #open(HikariDataSource, String, int, LongSupplier, Function)}
   */
  public static JdbcWorkers over(Supplier<HikariDataSource> pool, String name, int workers, LongSupplier clockMs,
      Function<SQLException, String> errorCode) {
    return new JdbcWorkers(pool, false, name, workers, clockMs, errorCode);
  }

  /** The most virtual users these workers serve. */
  int capacity() {
    return capacity;
  }

  /**
   * Runs {@code work} on the worker of virtual user {@code user}, on a thread of the worker's own, and calls
   * {@code completion} there: one thread hand-over each way. Never throws: closed workers, more users than
   * workers, or a failed statement are failed outcomes.
   *
   * @param user the virtual user's id, any long unique per user (Gatling's session user id)
   */
  public void submit(long user, Work work, Completion completion) {
    Worker w = closed ? null : byUser.computeIfAbsent(user, u -> newWorker());
    String refused = refusal(w);
    if (refused == null) {
      try {
        w.executor().execute(() -> w.runLocked(work, completion, false));
        return;
      } catch (RejectedExecutionException e) {
        refused = name + ": workers are closed";
      }
    }
    refuse(work, completion, refused);
  }

  /**
   * Runs {@code work} on the worker of virtual user {@code user} on the calling thread, then calls
   * {@code completion} on it: no thread hand-over. The caller runs one user's work on one thread at a time (a
   * Gatling user's own event loop); the statement is timed as with {@link #submit}. Never throws: closed
   * workers, more users than workers, or a failed statement are failed outcomes.
   *
   * @param user the virtual user's id, any long unique per user (Gatling's session user id)
   */
  public void run(long user, Work work, Completion completion) {
    Worker w = closed ? null : byUser.computeIfAbsent(user, u -> newWorker());
    String refused = refusal(w);
    if (refused == null) {
      w.runLocked(work, completion, true);
    } else {
      refuse(work, completion, refused);
    }
  }

  private String refusal(Worker w) {
    return closed ? name + ": workers are closed"
        : w == null ? name + ": more virtual users than its " + capacity + " workers" : null;
  }

  private void refuse(Work work, Completion completion, String refused) {
    long now = System.nanoTime();
    Outcome o = new Outcome(ms(now), ms(now), now, 0, 0, refused, null);
    work.observer().accept(o);
    report(work.settled(), o);
    complete(completion, o);
  }

  /** A new worker, or null when all {@link #capacity} are taken. */
  private Worker newWorker() {
    int n = count.incrementAndGet();
    if (n > capacity) {
      count.decrementAndGet();
      return null;
    }
    Worker w = new Worker(n);
    started.add(w);
    return w;
  }

  /** {@code nanos} on the caller's ms clock. */
  private long ms(long nanos) {
    return originMs + Math.floorDiv(nanos - originNanos, 1_000_000L);
  }

  private void report(Consumer<Outcome> sink, Outcome o) {
    try {
      sink.accept(o);
    } catch (RuntimeException e) {
      LOG.error("{}: reporting an outcome failed: {}", name, e.toString());
    }
  }

  private void complete(Completion completion, Outcome o) {
    report(completion::done, o);
  }

  /**
   * Stops the workers (waiting up to 10 s for work under way), then gives their connections back (uncommitted
   * inserts are settled as rolled back) and closes the pool if these workers own it.
   */
  @Override
  public void close() {
    closed = true;
    started.forEach(Worker::shutdown);
    for (Worker w : started) {
      w.awaitExecutor();
      w.release(false, "not committed before its workers closed");
    }
    closePool();
  }

  /**
   * Stops at once, for a run that has been stopped: interrupts work under way (a worker waiting for a
   * connection of a dead database) instead of waiting, and closes the pool if these workers own it.
   */
  public void abort() {
    closed = true;
    started.forEach(Worker::interrupt);
    closePool();
  }

  private void closePool() {
    HikariDataSource ds = ownsPool ? pool.get() : null;
    if (ds != null) {
      ds.close();
    }
  }

  /** A settled-later insert: its outcome as executed and who gets it when its transaction ends. */
  private record Held(Outcome outcome, Consumer<Outcome> settled) {}

  /**
   * One worker: its connection, its prepared statements and the inserts of its open transaction, used under its
   * lock by one thread at a time (its own thread for {@link #submit}, the caller's for {@link #run}).
   */
  private final class Worker {
    private final int n;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile ExecutorService executor;
    private volatile Thread running;
    private volatile boolean shut;
    private Connection connection;
    private HikariDataSource source;
    private boolean autoCommit = true;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final List<Held> held = new ArrayList<>();

    Worker(int n) {
      this.n = n;
    }

    /** The worker's own thread, started by the first {@link #submit}. */
    synchronized ExecutorService executor() {
      if (executor == null) {
        if (shut) {
          throw new RejectedExecutionException(name + ": workers are closed");
        }
        executor = Executors.newSingleThreadExecutor(r -> {
          Thread t = new Thread(r, "sequela-jdbc " + name + " #" + n);
          t.setDaemon(true);
          return t;
        });
      }
      return executor;
    }

    synchronized void shutdown() {
      shut = true;
      if (executor != null) {
        executor.shutdown();
      }
    }

    /** Interrupts work under way (a wait for a connection of a dead database), on whichever thread it runs. */
    synchronized void interrupt() {
      shut = true;
      if (executor != null) {
        executor.shutdownNow();
      }
      Thread t = running;
      if (t != null) {
        t.interrupt();
      }
    }

    /** Waits up to 10 s for the work under way on the worker's own thread, then interrupts it. */
    void awaitExecutor() {
      ExecutorService e = executor;
      try {
        if (e != null && !e.awaitTermination(10, TimeUnit.SECONDS)) {
          e.shutdownNow();
        }
      } catch (InterruptedException x) {
        Thread.currentThread().interrupt();
      }
    }

    /**
     * Runs the work under the worker's lock, then calls the completion outside it, so that what the completion
     * runs next (the user's next actions) may close the workers.
     *
     * @param refuseOnceShut true on the caller's thread, where a close may come between the caller's check and
     *     the lock; false on the worker's own thread, whose queue runs out when it closes
     */
    void runLocked(Work work, Completion completion, boolean refuseOnceShut) {
      Outcome o = null;
      lock.lock();
      try {
        if (!refuseOnceShut || !shut) {
          running = Thread.currentThread();
          o = run(work);
        }
      } finally {
        running = null;
        lock.unlock();
      }
      if (o == null) {
        refuse(work, completion, name + ": workers are closed");
      } else {
        complete(completion, o);
      }
    }

    private Outcome run(Work work) {
      Outcome o = attempt(work);
      work.observer().accept(o);
      if (!o.ok()) {
        rollBack(o);
        releaseIfBroken();
      } else if (work.kind() == Work.Kind.COMMIT) {
        held.forEach(h -> report(h.settled(), h.outcome()));
        held.clear();
      }
      if (o.ok() && work.kind() == Work.Kind.INSERT && !autoCommit) {
        held.add(new Held(o, work.settled()));
      } else {
        report(work.settled(), o);
      }
      return o;
    }

    /** Runs the work; a failure is a failed outcome, never an exception. */
    private Outcome attempt(Work work) {
      long start = System.nanoTime();
      long end;
      try {
        PreparedStatement ps = work.kind() == Work.Kind.COMMIT ? null : statement(work.sql());
        if (ps != null) {
          work.binder().bind(ps);
        }
        start = System.nanoTime();
        long rows = execute(work.kind(), ps);
        end = System.nanoTime();
        return new Outcome(ms(start), ms(end), start, end - start, rows, null, null);
      } catch (SQLException e) {
        end = System.nanoTime();
        String state = e.getSQLState();
        String message = Target.mask(String.valueOf(e.getMessage())) + (state == null ? "" : " (SQLState: " + state + ")");
        return new Outcome(ms(start), ms(end), start, end - start, 0, message, state, errorCode.apply(e));
      } catch (RuntimeException e) {
        end = System.nanoTime();
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return new Outcome(ms(start), ms(end), start, end - start, 0, Target.mask(message), null);
      }
    }

    private long execute(Work.Kind kind, PreparedStatement ps) throws SQLException {
      switch (kind) {
        case INSERT:
          return ps.executeUpdate();
        case QUERY:
          try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            long rows = 0;
            while (rs.next()) {
              for (int c = 1; c <= columns; c++) {
                rs.getObject(c);
              }
              rows++;
            }
            return rows;
          }
        default:
          connection().commit();
          return 0;
      }
    }

    private Connection connection() throws SQLException {
      if (connection == null) {
        source = pool.get();
        if (source == null) {
          throw new SQLException(name + ": its pool is not open");
        }
        connection = source.getConnection();
        autoCommit = connection.getAutoCommit();
      }
      return connection;
    }

    private PreparedStatement statement(String sql) throws SQLException {
      PreparedStatement ps = statements.get(sql);
      if (ps == null) {
        ps = connection().prepareStatement(sql);
        statements.put(sql, ps);
      }
      return ps;
    }

    /**
     * After a failure on a connection with autocommit off: rolls the transaction back (PostgreSQL would refuse
     * every later statement of it and turn its COMMIT into a rollback; Oracle and H2 would keep the rest) and
     * settles its held inserts as failed.
     */
    private void rollBack(Outcome cause) {
      if (connection != null && !autoCommit) {
        try {
          connection.rollback();
        } catch (SQLException e) {
          LOG.debug("{}: rollback failed: {}", name, e.getMessage());
        }
      }
      settleHeldAsRolledBack(cause.error(), cause.sqlState(), cause.errorCode());
    }

    /** Each held insert as a failure carrying the cause's message, SQLSTATE and error code. */
    private void settleHeldAsRolledBack(String cause, String sqlState, String code) {
      for (Held h : held) {
        Outcome o = h.outcome();
        report(h.settled(), new Outcome(o.startMs(), o.endMs(), o.startNanos(), o.durationNanos(), 0, ROLLED_BACK + cause,
            sqlState, code));
      }
      held.clear();
    }

    private void releaseIfBroken() {
      try {
        if (connection != null && !connection.isValid(VALID_TIMEOUT_S)) {
          release(true, "its connection was lost");
        }
      } catch (SQLException e) {
        release(true, "its connection was lost");
      }
    }

    /**
     * Closes the statements and gives the connection back (evicted when broken; the pool rolls back what it
     * holds uncommitted, and the held inserts are settled as rolled back); the next work borrows anew.
     */
    void release(boolean broken, String whyRolledBack) {
      boolean locked = false;
      try {
        locked = lock.tryLock(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!locked) {
        LOG.debug("{}: worker #{} still busy after 10 s; interrupted and released", name, n);
        interrupt();
      }
      try {
        releaseLocked(broken, whyRolledBack);
      } finally {
        if (locked) {
          lock.unlock();
        }
      }
    }

    private void releaseLocked(boolean broken, String whyRolledBack) {
      for (PreparedStatement ps : statements.values()) {
        try {
          ps.close();
        } catch (SQLException e) {
          LOG.debug("{}: closing a statement failed: {}", name, e.getMessage());
        }
      }
      statements.clear();
      settleHeldAsRolledBack(whyRolledBack, null, null);
      if (connection == null) {
        return;
      }
      try {
        if (broken) {
          source.evictConnection(connection);
        } else {
          connection.close();
        }
      } catch (SQLException e) {
        LOG.debug("{}: closing a connection failed: {}", name, e.getMessage());
      }
      connection = null;
    }
  }
}

package io.sequela.simulation;

import com.zaxxer.hikari.HikariDataSource;
import io.sequela.db.Pools;
import io.sequela.db.Target;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's JOB_EXECUTION inserts in one stage: a fixed pool of worker threads (one per virtual user), each
 * holding ONE connection of the node's own HikariCP pool (autocommit) and one reused PreparedStatement.
 * {@link #submit(Completion)} costs one thread hand-over; the insert binds PY_DATE (the load generator's
 * clock, taken just before execute) and this node's NODE, TEST_NAME, RUN_ID and SEQ_MODE.
 *
 * <p>Connections are opened with the pool (minimum idle = users) but call no sequence before their first
 * insert, so a stage's sessions see its sequence mode. Thread-safe; {@link #close()} stops the workers and
 * closes the connections and the pool.
 */
public final class InsertWorkers implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InsertWorkers.class);
  private static final String INSERT =
      "INSERT INTO job_execution (py_date, node, test_name, run_id, seq_mode) VALUES (?, ?, ?, ?, ?)";

  /** What an insert reports, on the worker thread. */
  @FunctionalInterface
  public interface Completion {
    /**
     * @param startMs clock time just before execute, ms
     * @param endMs clock time once the database answered, ms
     * @param error null on success, else the driver's message (passwords masked)
     */
    void done(long startMs, long endMs, String error);
  }

  /** The values an insert binds besides PY_DATE. */
  public record Row(int node, String testName, String runId, String seqMode) {}

  private final String name;
  private final HikariDataSource pool;
  private final ExecutorService executor;
  private final ThreadLocal<Lane> lanes;
  private final Queue<Lane> opened = new ConcurrentLinkedQueue<>();
  private final LongSupplier clockMs;

  private InsertWorkers(String name, HikariDataSource pool, int threads, Row row, LongSupplier clockMs) {
    this.name = name;
    this.pool = pool;
    this.clockMs = clockMs;
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "sequela-insert " + name + " #" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.lanes = ThreadLocal.withInitial(() -> {
      Lane lane = new Lane(row);
      opened.add(lane);
      return lane;
    });
  }

  /**
   * Opens the node's pool ({@link Pools#open}, {@code users} connections) and its workers.
   *
   * @param target the node's resolved target
   * @param name pool and thread name, e.g. {@code node-1 ORDER}
   * @param users virtual users of the node = worker threads = connections
   * @param row the values bound besides PY_DATE
   * @param clockMs the clock response times are taken from, ms (Gatling's, for its report)
   * @throws io.sequela.SequelaException.DatabaseFailure when the database cannot be reached
   */
  public static InsertWorkers open(Target target, String name, int users, Row row, LongSupplier clockMs) {
    return new InsertWorkers(name, Pools.open(target, name, users), users, row, clockMs);
  }

  /**
   * Runs one insert on a worker and calls {@code completion} there. Never throws: a closed worker pool or
   * a failed insert is reported as an error.
   */
  public void submit(Completion completion) {
    try {
      executor.execute(() -> lanes.get().insert(completion));
    } catch (RejectedExecutionException e) {
      long now = clockMs.getAsLong();
      report(completion, now, now, name + ": insert workers are closed");
    }
  }

  private void report(Completion completion, long startMs, long endMs, String error) {
    try {
      completion.done(startMs, endMs, error);
    } catch (RuntimeException e) {
      LOG.error("{}: reporting an insert failed: {}", name, e.toString());
    }
  }

  /** Stops the workers (waiting up to 10 s for inserts under way), then closes connections and pool. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    opened.forEach(Lane::reset);
    pool.close();
  }

  /** One worker's connection and statement, opened on its first insert and after a failure. */
  private final class Lane {
    private final Row row;
    private Connection connection;
    private PreparedStatement insert;

    Lane(Row row) {
      this.row = row;
    }

    void insert(Completion completion) {
      long startMs = clockMs.getAsLong();
      try {
        if (insert == null) {
          connection = pool.getConnection();
          insert = connection.prepareStatement(INSERT);
          insert.setInt(2, row.node());
          insert.setString(3, row.testName());
          insert.setString(4, row.runId());
          insert.setString(5, row.seqMode());
          startMs = clockMs.getAsLong();
        }
        insert.setObject(1, LocalDateTime.now());
        insert.executeUpdate();
      } catch (SQLException e) {
        long endMs = clockMs.getAsLong();
        reset();
        report(completion, startMs, endMs, Target.mask(String.valueOf(e.getMessage())));
        return;
      }
      report(completion, startMs, clockMs.getAsLong(), null);
    }

    synchronized void reset() {
      try {
        if (connection != null) {
          connection.close();
        }
      } catch (SQLException e) {
        LOG.debug("{}: closing a connection failed: {}", name, e.getMessage());
      }
      connection = null;
      insert = null;
    }
  }
}

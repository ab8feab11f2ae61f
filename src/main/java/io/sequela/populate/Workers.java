package io.sequela.populate;

import io.sequela.SequelaException;
import io.sequela.db.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The populator's loading threads, each holding one connection for the whole load. {@link #run} hands a
 * list of tasks to the threads through a shared queue, in order. The first failure empties the queue and
 * aborts every connection ({@link Connection#abort}: a thread blocked in a statement or a COPY returns at
 * once, and the server rolls its transaction back), then is thrown once every thread has stopped. Closing
 * stops the threads, then closes the connections.
 */
final class Workers implements AutoCloseable {

  /** Work on one connection. */
  interface SqlWork {
    void run(Connection c) throws SQLException;
  }

  /** A named piece of work; the name (a table, or a step) prefixes its error message. */
  record Task(String name, SqlWork work) {}

  private final List<Connection> connections;
  private final ExecutorService threads;

  private Workers(List<Connection> connections) {
    this.connections = connections;
    this.threads = Executors.newFixedThreadPool(connections.size(), r -> new Thread(r, "sequela-populate"));
  }

  /**
   * Opens {@code n} connections.
   *
   * @throws SequelaException.DatabaseFailure when one cannot be opened (those already open are closed)
   */
  static Workers open(ConnectionSource source, int n) {
    List<Connection> opened = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        opened.add(source.open());
      }
      return new Workers(opened);
    } catch (SQLException e) {
      closeAll(opened);
      throw failure("connect", e);
    } catch (RuntimeException e) {
      closeAll(opened);
      throw e;
    }
  }

  /** Runs one task on the first connection, in the calling thread. */
  void runOnFirst(Task task) {
    execute(task, connections.get(0));
  }

  /**
   * Runs the tasks on all connections, each task once, and returns when all are done.
   *
   * @throws SequelaException the first failure, once every thread has stopped
   */
  void run(List<Task> tasks) {
    Queue<Task> queue = new ConcurrentLinkedQueue<>(tasks);
    AtomicReference<RuntimeException> first = new AtomicReference<>();
    List<Future<?>> running = new ArrayList<>();
    for (Connection c : connections) {
      running.add(threads.submit(() -> {
        Task t;
        while (first.get() == null && (t = queue.poll()) != null) {
          try {
            execute(t, c);
          } catch (RuntimeException e) {
            if (first.compareAndSet(null, e)) {
              queue.clear();
              abortAll();
            }
            return;
          }
        }
      }));
    }
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (ExecutionException e) {
        first.compareAndSet(null, new SequelaException("populate failed: " + e.getCause(), e.getCause()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        queue.clear();
        abortAll();
        throw new SequelaException("populate interrupted", e);
      }
    }
    if (first.get() != null) {
      throw first.get();
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
    try {
      threads.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeAll(connections);
  }

  private static void execute(Task task, Connection c) {
    try {
      task.work().run(c);
    } catch (SQLException e) {
      throw failure(task.name(), e);
    }
  }

  private void abortAll() {
    for (Connection c : connections) {
      try {
        c.abort(Runnable::run);
      } catch (SQLException | RuntimeException ignored) {
        // already closed or broken: nothing to stop
      }
    }
  }

  private static void closeAll(List<Connection> connections) {
    for (Connection c : connections) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing after the work is done or failed: nothing left to save
      }
    }
  }

  static SequelaException.DatabaseFailure failure(String what, SQLException e) {
    return new SequelaException.DatabaseFailure("populate " + what + ": " + e.getMessage().lines().findFirst().orElse(""), e);
  }
}

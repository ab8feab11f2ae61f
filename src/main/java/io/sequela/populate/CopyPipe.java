package io.sequela.populate;

import io.sequela.db.CopyStream;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Double buffering for one COPY stream: the loading thread fills a {@link CopyBuffer} while a writer thread
 * sends the previous one to the server, so generating rows and the socket writes overlap and the server
 * backend, the bottleneck of a load, does not wait for the next buffer. Memory is bounded by {@link #DEPTH}
 * buffers per stream, whatever the row count. Only the writer thread touches the {@link CopyStream} until
 * {@link #finish} or {@link #close}, which run on the loading thread after the writer has stopped.
 *
 * <p>Use: {@code try (CopyPipe p = new CopyPipe(in, bytes)) { fill p.buffer(); p.handOff(); ...; p.finish(); }}
 */
final class CopyPipe implements AutoCloseable {

  /** Buffers per stream: one being filled, one being written, one ready. */
  static final int DEPTH = 3;

  private static final CopyBuffer END = new CopyBuffer(0);

  private final CopyStream in;
  private final BlockingQueue<CopyBuffer> filled = new ArrayBlockingQueue<>(DEPTH + 1);
  private final BlockingQueue<CopyBuffer> free = new ArrayBlockingQueue<>(DEPTH);
  private final Thread writer;
  private volatile SQLException failure;
  private CopyBuffer current;
  private boolean ended;

  /**
   * Starts the writer thread.
   *
   * @param in an active COPY FROM STDIN
   * @param capacity initial bytes per buffer
   */
  CopyPipe(CopyStream in, int capacity) {
    this.in = in;
    for (int i = 1; i < DEPTH; i++) {
      free.add(new CopyBuffer(capacity));
    }
    current = new CopyBuffer(capacity);
    writer = new Thread(this::writeLoop, Thread.currentThread().getName() + "-copy-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** The buffer to append rows to; changes after each {@link #handOff}. */
  CopyBuffer buffer() {
    return current;
  }

  /**
   * Queues the current buffer for the server and returns when an empty one is ready to fill.
   *
   * @throws SQLException the writer's failure (the server refused the data or the connection broke), or an
   *     interrupt while waiting for a free buffer
   */
  void handOff() throws SQLException {
    throwIfFailed();
    filled.add(current);
    try {
      current = free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("COPY interrupted", "57014", e);
    }
    current.clear();
  }

  /**
   * Sends the current buffer, waits for the writer and ends the COPY.
   *
   * @throws SQLException when any write or the end of the COPY fails
   */
  void finish() throws SQLException {
    filled.add(current);
    stopWriter();
    throwIfFailed();
    in.end();
  }

  /** Stops the writer; cancels the COPY if it did not end (an error on either side). */
  @Override
  public void close() throws SQLException {
    stopWriter();
    if (in.isActive()) {
      in.cancel();
    }
  }

  private void stopWriter() {
    if (ended) {
      return;
    }
    ended = true;
    filled.add(END);
    boolean interrupted = false;
    while (writer.isAlive()) {
      try {
        writer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void throwIfFailed() throws SQLException {
    SQLException e = failure;
    if (e != null) {
      throw e;
    }
  }

  /** Writes buffers until {@link #END}; after a failure it only recycles them, so the loading thread never blocks. */
  private void writeLoop() {
    while (true) {
      CopyBuffer b;
      try {
        b = filled.take();
      } catch (InterruptedException e) {
        failure = new SQLException("COPY writer interrupted", "57014", e);
        return;
      }
      if (b == END) {
        return;
      }
      if (failure == null) {
        try {
          in.write(b.bytes(), 0, b.size());
        } catch (SQLException e) {
          failure = e;
        }
      }
      free.add(b);
    }
  }
}

package io.sequela.populate;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** Progress of a load in rows; thread-safe. */
public interface Progress extends AutoCloseable {

  /** Counts rows written. */
  void advance(long rows);

  @Override
  void close();

  /** No output, for library callers such as simulations. */
  static Progress none() {
    return new Progress() {
      public void advance(long rows) {}

      public void close() {}
    };
  }

  /**
   * A progress bar with rows/s (me.tongfei:progressbar) when a terminal is attached, otherwise one plain
   * line on {@code out} every {@code intervalSeconds} (logs of nightly jobs stay readable).
   */
  static Progress console(String task, long totalRows, PrintWriter out, int intervalSeconds) {
    if (System.console() != null) {
      ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(totalRows)
          .setUnit(" rows", 1).showSpeed().setUpdateIntervalMillis(500).build();
      return new Progress() {
        public void advance(long rows) {
          bar.stepBy(rows);
        }

        public void close() {
          bar.close();
        }
      };
    }
    return new PlainLines(task, totalRows, out, intervalSeconds);
  }

  /** One line per interval: {@code populate: 1200000 / 5000000 rows (24%), 410000 rows/s}. */
  final class PlainLines implements Progress {
    private final AtomicLong done = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sequela-progress");
      t.setDaemon(true);
      return t;
    });
    private final long startNanos = System.nanoTime();
    private final String task;
    private final long total;
    private final PrintWriter out;

    PlainLines(String task, long total, PrintWriter out, int intervalSeconds) {
      this.task = task;
      this.total = total;
      this.out = out;
      timer.scheduleAtFixedRate(this::print, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    public void advance(long rows) {
      done.addAndGet(rows);
    }

    private void print() {
      long n = done.get();
      double secs = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
      out.printf("%s: %d / %d rows (%d%%), %.0f rows/s%n", task, n, total, total == 0 ? 100 : n * 100 / total, n / secs);
      out.flush();
    }

    public void close() {
      timer.shutdownNow();
      print();
    }
  }
}

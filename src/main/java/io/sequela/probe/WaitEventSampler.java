package io.sequela.probe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the dialect's {@link io.sequela.db.ProbeSql#waitEventSampleQuery() sample query} (PostgreSQL:
 * {@code pg_stat_activity}) at a fixed period on a background daemon thread (10 ms by default,
 * {@code sequela.keygen.wait_sample_interval}), counting the wait events of the sessions whose
 * application_name starts with a prefix (the load's sessions): the live analogue of Oracle's ASH profile, one
 * session sample per load session per sample. On PostgreSQL an idle session counts as {@code Client:ClientRead}
 * (waiting for its client's next statement) and one running without a wait event as {@code CPU}. One connection is held while sampling. A failing sample is counted and skipped; a sample that
 * takes longer than the period delays the next one (samples never overlap).
 */
final class WaitEventSampler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WaitEventSampler.class);

  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final AtomicLong samples = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final ScheduledExecutorService timer;
  private final Connection connection;
  private final PreparedStatement query;

  private WaitEventSampler(Connection connection, String sampleQuery, String applicationPrefix, Duration period)
      throws SQLException {
    this.connection = connection;
    this.query = connection.prepareStatement(sampleQuery);
    query.setString(1, applicationPrefix.replace("%", "\\%").replace("_", "\\_") + "%");
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sequela-wait-sampler");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(this::sample, 0, Math.max(1, period.toNanos() / 1000), TimeUnit.MICROSECONDS);
  }

  /**
   * Starts sampling on a connection borrowed from {@code ds} (returned at {@link #close()}).
   *
   * @param sampleQuery the dialect's {@link io.sequela.db.ProbeSql#waitEventSampleQuery()}
   * @param applicationPrefix the sessions' application_name prefix, e.g. {@code sequela keygen}
   * @param period time between the starts of two samples, at least 1 µs
   * @throws SQLException when no connection can be had
   */
  public static WaitEventSampler start(DataSource ds, String sampleQuery, String applicationPrefix, Duration period)
      throws SQLException {
    Connection c = ds.getConnection();
    try {
      return new WaitEventSampler(c, sampleQuery, applicationPrefix, period);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  private void sample() {
    try (ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        counts.computeIfAbsent(rs.getString(1), k -> new AtomicLong()).incrementAndGet();
      }
      samples.incrementAndGet();
    } catch (SQLException e) {
      failed.incrementAndGet();
    }
  }

  /** Stops sampling and returns the connection. Idempotent. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
      connection.close();
    } catch (SQLException e) {
      LOG.warn("wait-event sampler: closing its connection failed: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failed.get() > 0) {
      LOG.warn("wait-event sampler: {} of {} samples failed", failed.get(), failed.get() + samples.get());
    }
  }

  /** Session samples per wait event, most frequent first. */
  public Map<String, Long> counts() {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, AtomicLong> e) -> e.getValue().get()).reversed().thenComparing(Map.Entry::getKey))
        .forEach(e -> out.put(e.getKey(), e.getValue().get()));
    return out;
  }

  /** Samples taken so far (queries of the sessions, one per period). */
  public long samples() {
    return samples.get();
  }

  /** Session samples so far: the sum of {@link #counts()}, one per load session per sample. */
  public long sessionSamples() {
    return counts.values().stream().mapToLong(AtomicLong::get).sum();
  }
}

package io.sequela.probe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * Runs the dialect's {@link io.sequela.db.Probes#waitEventSampleQuery() sample query} (PostgreSQL:
 * {@code pg_stat_activity}) every 100 ms on a background daemon thread, counting the wait events of the active
 * sessions whose application_name starts with a prefix (the load's sessions): the live analogue of Oracle's
 * ASH profile. A session that is active without a wait event counts as {@code CPU}. One connection is held
 * while sampling. A failing sample is counted and skipped.
 */
public final class WaitEventSampler implements AutoCloseable {

  /** Sampling period in ms. */
  public static final long PERIOD_MS = 100;
  private static final Logger LOG = LoggerFactory.getLogger(WaitEventSampler.class);

  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final AtomicLong samples = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final ScheduledExecutorService timer;
  private final Connection connection;
  private final PreparedStatement query;

  private WaitEventSampler(Connection connection, String sampleQuery, String applicationPrefix) throws SQLException {
    this.connection = connection;
    this.query = connection.prepareStatement(sampleQuery);
    query.setString(1, applicationPrefix.replace("%", "\\%").replace("_", "\\_") + "%");
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sequela-wait-sampler");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(this::sample, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts sampling on a connection borrowed from {@code ds} (returned at {@link #close()}).
   *
   * @param sampleQuery the dialect's {@link io.sequela.db.Probes#waitEventSampleQuery()}
   * @param applicationPrefix the sessions' application_name prefix, e.g. {@code sequela keygen}
   * @throws SQLException when no connection can be had
   */
  public static WaitEventSampler start(DataSource ds, String sampleQuery, String applicationPrefix) throws SQLException {
    Connection c = ds.getConnection();
    try {
      return new WaitEventSampler(c, sampleQuery, applicationPrefix);
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

  /** Samples taken so far (one every {@link #PERIOD_MS} ms). */
  public long samples() {
    return samples.get();
  }
}

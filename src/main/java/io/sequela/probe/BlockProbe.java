package io.sequela.probe;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.db.ProbeSql;
import io.sequela.keys.KeyStrategy;
import io.sequela.stats.BlockFigures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database side of one strategy's measured block, through the dialect's {@link ProbeSql}. {@link #start}
 * checkpoints (so the block does not pay for the previous one's dirty buffers), counts the table's rows, reads
 * {@link ServerCounters} and, where the dialect has a sample query (PostgreSQL), starts a
 * {@link WaitEventSampler}; {@link #finish} reads everything again, and the wait-event history where the
 * dialect keeps one (Oracle ASH, by {@link #MODULE}).
 */
public final class BlockProbe {

  /**
   * What the database reported for a block; see {@link BlockFigures} for the meaning of each figure.
   * {@code waitSamples} is the sum of {@code waitEvents}.
   */
  public record Result(long rowsBefore, long rowsAdded, Long indexBytesBefore, Long indexBytesAfter, Long walBytes,
      Long idxBlksRead, Long idxBlksHit, long waitSamples, Map<String, Long> waitEvents, String note) {}

  /**
   * The module the load's sessions set ({@link ProbeSql#sessionModuleSql}, Oracle DBMS_APPLICATION_INFO.SET_MODULE),
   * DMTN-099's way of telling jobs apart in the wait-event history.
   */
  public static final String MODULE = "sequela keygen";
  private static final Logger LOG = LoggerFactory.getLogger(BlockProbe.class);

  private final DataSource ds;
  private final Dialect dialect;
  private final KeyStrategy strategy;
  private final long rowsBefore;
  private final ServerCounters before;
  private final WaitEventSampler sampler;

  private BlockProbe(DataSource ds, Dialect dialect, KeyStrategy strategy, long rowsBefore, ServerCounters before,
      WaitEventSampler sampler) {
    this.ds = ds;
    this.dialect = dialect;
    this.strategy = strategy;
    this.rowsBefore = rowsBefore;
    this.before = before;
    this.sampler = sampler;
  }

  /**
   * Checkpoints, reads the "before" figures and starts sampling.
   *
   * @param ds connections for the probe (it holds one while sampling and borrows one more)
   * @param applicationPrefix application_name prefix of the load's sessions (PostgreSQL sampling)
   * @param samplePeriod time between two wait-event samples of the load's sessions (PostgreSQL sampling)
   * @throws SequelaException.DatabaseFailure when a query fails
   */
  public static BlockProbe start(DataSource ds, Dialect dialect, KeyStrategy strategy, String applicationPrefix,
      Duration samplePeriod) {
    try (Connection c = ds.getConnection()) {
      checkpoint(c, dialect);
      long rows = count(c, strategy);
      ServerCounters before = ServerCounters.read(c, dialect, strategy);
      String sampleQuery = dialect.waitEventSampleQuery().orElse(null);
      WaitEventSampler sampler = sampleQuery == null ? null : WaitEventSampler.start(ds, sampleQuery, applicationPrefix,
          samplePeriod);
      return new BlockProbe(ds, dialect, strategy, rows, before, sampler);
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("keygen " + strategy.id() + ": cannot start the block probe: " + e.getMessage(), e);
    }
  }

  /**
   * Stops sampling and reads the "after" figures.
   *
   * @param fromMs block start, ms since the epoch (the wait-event history's window)
   * @param toMs block end, ms since the epoch
   * @throws SequelaException.DatabaseFailure when a query fails
   */
  public Result finish(long fromMs, long toMs) {
    if (sampler != null) {
      sampler.close();
    }
    try (Connection c = ds.getConnection()) {
      ServerCounters after = ServerCounters.read(c, dialect, strategy);
      long rows = count(c, strategy) - rowsBefore;
      Map<String, Long> waits = sampler == null ? Map.of() : sampler.counts();
      String note = dialect.missingFiguresNote().orElse(null);
      String historyQuery = dialect.waitEventHistoryQuery().orElse(null);
      if (historyQuery != null) {
        Optional<Map<String, Long>> history = waitEventHistory(c, historyQuery, fromMs, toMs);
        waits = history.orElse(Map.of());
        note = history.isPresent() ? null : dialect.waitEventHistoryUnreadable();
      }
      long samples = waits.values().stream().mapToLong(Long::longValue).sum();
      return new Result(rowsBefore, rows, before.indexBytes(), after.indexBytes(),
          ServerCounters.walBytes(c, dialect, before.walLsn(), after.walLsn()),
          ServerCounters.delta(before.idxBlksRead(), after.idxBlksRead()), ServerCounters.delta(before.idxBlksHit(), after.idxBlksHit()),
          samples, waits, note);
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("keygen " + strategy.id() + ": cannot finish the block probe: " + e.getMessage(), e);
    }
  }

  /**
   * Samples per event of the {@link #MODULE} sessions between two instants, from the dialect's history query.
   *
   * @return events, most frequent first; empty when the history cannot be read (privilege, licence)
   */
  private static Optional<Map<String, Long>> waitEventHistory(Connection c, String historyQuery, long fromMs, long toMs) {
    try (PreparedStatement ps = c.prepareStatement(historyQuery)) {
      ps.setString(1, MODULE);
      ps.setObject(2, utcWallClock(fromMs));
      ps.setObject(3, utcWallClock(toMs));
      Map<String, Long> out = new LinkedHashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
      return Optional.of(out);
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  /**
   * An instant as UTC wall-clock time, how the history's time column (Oracle SAMPLE_TIME_UTC) holds it: never the
   * JVM's or the server's local time.
   *
   * @param epochMs ms since the epoch
   */
  static LocalDateTime utcWallClock(long epochMs) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMs), ZoneOffset.UTC);
  }

  /**
   * The dialect's checkpoint (CHECKPOINT on PostgreSQL and H2, ALTER SYSTEM CHECKPOINT on Oracle), skipped with a
   * warning when it fails (no privilege).
   */
  static void checkpoint(Connection c, ProbeSql d) {
    String sql = d.checkpointSql();
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      LOG.warn("keygen: {} failed, the block may pay for earlier dirty buffers: {}", sql, e.getMessage());
    }
  }

  private static long count(Connection c, KeyStrategy s) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + s.table())) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

package io.sequela.probe;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.keys.KeyStrategy;
import io.sequela.stats.StrategyFigures;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database side of one strategy's measured phase. {@link #start} checkpoints (so the phase does not
 * pay for the previous one's dirty buffers), counts the table's rows, reads {@link ServerCounters} and, on
 * PostgreSQL, starts a {@link WaitEventSampler}; {@link #finish} reads everything again.
 */
public final class PhaseProbe {

  /** What the database reported for a phase; see {@link StrategyFigures} for the meaning of each figure. */
  public record Result(long rowsAdded, Long indexBytesBefore, Long indexBytesAfter, Long walBytes, Long idxBlksRead,
      Long idxBlksHit, Map<String, Long> waitEvents, String note) {}

  private static final Logger LOG = LoggerFactory.getLogger(PhaseProbe.class);

  private final DataSource ds;
  private final Dialect dialect;
  private final KeyStrategy strategy;
  private final long rowsBefore;
  private final ServerCounters before;
  private final WaitEventSampler sampler;

  private PhaseProbe(DataSource ds, Dialect dialect, KeyStrategy strategy, long rowsBefore, ServerCounters before,
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
   * @throws SequelaException.DatabaseFailure when a query fails
   */
  public static PhaseProbe start(DataSource ds, Dialect dialect, KeyStrategy strategy, String applicationPrefix) {
    try (Connection c = ds.getConnection()) {
      checkpoint(c, dialect);
      long rows = count(c, strategy);
      ServerCounters before = ServerCounters.read(c, dialect, strategy);
      WaitEventSampler sampler = dialect == Dialect.POSTGRESQL ? WaitEventSampler.start(ds, applicationPrefix) : null;
      return new PhaseProbe(ds, dialect, strategy, rows, before, sampler);
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("keygen " + strategy.id() + ": cannot start the phase probe: " + e.getMessage(), e);
    }
  }

  /**
   * Stops sampling and reads the "after" figures.
   *
   * @param fromMs phase start, ms since the epoch (Oracle ASH window)
   * @param toMs phase end, ms since the epoch
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
      String note = null;
      if (dialect == Dialect.ORACLE) {
        var ash = OracleAsh.waitEvents(c, fromMs, toMs);
        waits = ash.orElse(Map.of());
        note = ash.isPresent() ? null : OracleAsh.unavailable();
      } else if (dialect == Dialect.H2) {
        note = "H2: no index size, WAL or wait-event figures";
      }
      return new Result(rows, before.indexBytes(), after.indexBytes(), ServerCounters.walBytes(c, before.walLsn(), after.walLsn()),
          ServerCounters.delta(before.idxBlksRead(), after.idxBlksRead()), ServerCounters.delta(before.idxBlksHit(), after.idxBlksHit()),
          waits, note);
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("keygen " + strategy.id() + ": cannot finish the phase probe: " + e.getMessage(), e);
    }
  }

  /** CHECKPOINT (PostgreSQL, H2) or ALTER SYSTEM CHECKPOINT (Oracle; skipped with a warning without the privilege). */
  static void checkpoint(Connection c, Dialect d) {
    String sql = d == Dialect.ORACLE ? "ALTER SYSTEM CHECKPOINT" : "CHECKPOINT";
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      LOG.warn("keygen: {} failed, the phase may pay for earlier dirty buffers: {}", sql, e.getMessage());
    }
  }

  private static long count(Connection c, KeyStrategy s) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + s.table())) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

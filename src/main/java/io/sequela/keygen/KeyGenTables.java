package io.sequela.keygen;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.db.Target;
import io.sequela.keys.KeyStrategy;
import io.sequela.keys.KeyTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares one strategy's table before the run (drop, create, pre-seed, then key constraint and defaults) and
 * removes the warm-up's rows before the first measured block.
 */
final class KeyGenTables {

  private static final Logger LOG = LoggerFactory.getLogger(KeyGenTables.class);

  private KeyGenTables() {}

  /**
   * Prepares the table (not timed).
   *
   * @param ds connections for the DDL (one is held meanwhile)
   * @param target the resolved target, for the pre-seeder's own connections
   * @param rows rows to pre-seed
   * @param sequenceCache CACHE of the strategy's sequence, if it has one
   * @return the first free value of the counter column after seeding (the seq_block allocator's start)
   * @throws SequelaException.DatabaseFailure naming the strategy and the statement that failed
   */
  static long prepare(DataSource ds, Target target, KeyStrategy s, long rows, int sequenceCache, Preseeder preseeder) {
    Dialect d = target.dialect();
    long t0 = System.nanoTime();
    try (Connection c = ds.getConnection()) {
      KeyTables.execute(c, s, KeyTables.drop(d, s));
      KeyTables.execute(c, s, java.util.List.of(KeyTables.create(d, s)));
      preseeder.seed(target, s, rows);
      long firstFree = KeyTables.firstFreeKey(c, s);
      KeyTables.execute(c, s, KeyTables.finish(d, s, firstFree, sequenceCache));
      String vacuum = d.vacuumAnalyzeSql(s.table()).orElse(null);
      if (vacuum != null) {
        try (Statement st = c.createStatement()) {
          st.execute(vacuum);
        }
      }
      LOG.info("keygen {}: table ready with {} pre-seeded rows in {} ms", s.id(), rows, (System.nanoTime() - t0) / 1_000_000);
      return firstFree;
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("keygen " + s.id() + ": preparing the table failed: " + e.getMessage(), e);
    }
  }

  /**
   * Deletes the rows the warm-up inserted (those carrying {@code payload}) and, where the dialect has one, vacuums
   * the table (PostgreSQL VACUUM ANALYZE), so their index entries are gone before the first block (not timed).
   *
   * @param payload the warm-up's payload, which no other row carries
   * @return rows deleted
   * @throws SequelaException.DatabaseFailure naming the strategy
   */
  static long deleteWarmup(DataSource ds, Dialect d, KeyStrategy s, String payload) {
    try (Connection c = ds.getConnection()) {
      long deleted;
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + s.table() + " WHERE " + KeyStrategy.PAYLOAD_COLUMN + " = ?")) {
        ps.setString(1, payload);
        deleted = ps.executeUpdate();
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
      String vacuum = d.vacuumAnalyzeSql(s.table()).orElse(null);
      if (vacuum != null) {
        try (Statement st = c.createStatement()) {
          st.execute(vacuum);
        }
      }
      return deleted;
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("keygen " + s.id() + ": deleting the warm-up rows failed: " + e.getMessage(), e);
    }
  }
}

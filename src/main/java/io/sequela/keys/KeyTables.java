package io.sequela.keys;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * DDL of the key-generation tables, in each dialect's spelling ({@link io.sequela.db.KeyTableSql},
 * {@link io.sequela.db.SequenceSql}, {@link io.sequela.db.Ddl}). A table is prepared in three steps so that
 * pre-seeding is a plain bulk load: {@link #create} (no key constraint, no default), then the caller loads rows, then
 * {@link #finish} adds the primary key and, for database-filled keys, creates the sequence starting after
 * the largest seeded key and makes it the column default.
 *
 * <p>Types: long keys PostgreSQL/H2 {@code bigint}, Oracle {@code NUMBER(19)} ({@code NUMBER(28)} for
 * {@code seq_scale}); UUID keys PostgreSQL {@code uuid}, Oracle {@code RAW(16)}, H2 {@code UUID}; payload
 * {@code VARCHAR(128)} ({@code VARCHAR2(128)} on Oracle).
 */
public final class KeyTables {

  private KeyTables() {}

  /** Statements dropping the strategy's table and sequence if they exist. */
  public static List<String> drop(Dialect d, KeyStrategy s) {
    List<String> out = new ArrayList<>();
    out.add(d.dropTableIfExists(s.table()));
    if (s.sequenceName() != null) {
      out.add(d.dropSequenceIfExists(s.sequenceName()));
    }
    return out;
  }

  /** The CREATE TABLE for the strategy: key column(s) and payload, without constraint or default. */
  public static String create(Dialect d, KeyStrategy s) {
    String cols = s.keyColumns().stream().map(c -> c + " " + keyType(d, s) + " NOT NULL").collect(Collectors.joining(", "));
    return "CREATE TABLE " + s.table() + " (" + cols + ", " + KeyStrategy.PAYLOAD_COLUMN + " " + d.varcharType(128) + ")";
  }

  /**
   * Statements run after the table is loaded: the primary key, then for database-filled keys the sequence
   * (START WITH {@code firstKey}, CACHE {@code cache}; SCALE for seq_scale) and the column defaults.
   *
   * @param firstKey the first value the sequence hands out, e.g. the largest seeded key + 1
   * @param cache the sequence's CACHE, at least 1
   */
  public static List<String> finish(Dialect d, KeyStrategy s, long firstKey, int cache) {
    List<String> out = new ArrayList<>();
    out.add("ALTER TABLE " + s.table() + " ADD CONSTRAINT " + s.primaryKeyName() + " PRIMARY KEY (" + String.join(", ", s.keyColumns()) + ")");
    String seq = s.sequenceName();
    if (seq == null) {
      return out;
    }
    out.add(d.createSequence(seq, firstKey, cache, s == KeyStrategy.SEQ_SCALE));
    out.add(d.setColumnDefault(s.table(), s.counterColumn(), d.nextvalExpression(seq)));
    if (s == KeyStrategy.SITE_SEQ) {
      out.add(d.setColumnDefault(s.table(), "site_id", String.valueOf(KeyStrategy.SITE_ID)));
    }
    return out;
  }

  /**
   * The first free value of the strategy's counter column: its largest value + 1, or 1 on an empty table.
   * Meaningless for UUID keys and SCALE sequences (returns 1 for both).
   *
   * @throws SequelaException.DatabaseFailure when the query fails
   */
  public static long firstFreeKey(Connection c, KeyStrategy s) {
    if (s.source() == KeyStrategy.Source.CLIENT_UUID || s == KeyStrategy.SEQ_SCALE) {
      return 1;
    }
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT MAX(" + s.counterColumn() + ") FROM " + s.table())) {
      rs.next();
      long max = rs.getLong(1);
      return rs.wasNull() ? 1 : max + 1;
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure(s.table() + ": cannot read the largest key: " + e.getMessage(), e);
    }
  }

  /**
   * Runs statements in order on one connection.
   *
   * @throws SequelaException.DatabaseFailure naming the strategy and the failing statement
   */
  public static void execute(Connection c, KeyStrategy s, List<String> sql) {
    for (String one : sql) {
      try (Statement st = c.createStatement()) {
        st.execute(one);
      } catch (SQLException e) {
        throw new SequelaException.DatabaseFailure("keygen " + s.id() + ": '" + one + "' failed: " + e.getMessage(), e);
      }
    }
  }

  private static String keyType(Dialect d, KeyStrategy s) {
    return s.source() == KeyStrategy.Source.CLIENT_UUID ? d.uuidKeyType() : d.longKeyType(s == KeyStrategy.SEQ_SCALE);
  }
}

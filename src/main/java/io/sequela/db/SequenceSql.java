package io.sequela.db;

import io.sequela.config.SequenceMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A database's sequences: the ORDER/NOORDER switch, nextval, CREATE and DROP. The defaults are the SQL
 * PostgreSQL and H2 share; a dialect overrides what its database spells differently.
 */
public interface SequenceSql {

  /**
   * Statements that put a sequence in a mode.
   *
   * @param sequence the sequence name
   * @param mode a mode the database {@link #supports}
   * @param cache the CACHE size used under NOORDER, at least 2
   * @return the statements to run, in order, on one connection (may be none)
   */
  List<String> switchSequence(String sequence, SequenceMode mode, int cache);

  /** True when a plan may ask for {@code mode} here: ORDER and NOORDER everywhere, AUTO_INCREMENT on MariaDB. */
  default boolean supports(SequenceMode mode) {
    return mode != SequenceMode.AUTO_INCREMENT;
  }

  /**
   * How far apart one node's consecutive ids are in a mode: 1, or the cluster size where each node draws from
   * its own residue class (MariaDB Galera's NOORDER and AUTO_INCREMENT). The gap analysis counts the values of
   * the other classes as missing by design.
   *
   * @param c a connection to the database, for dialects that ask it
   * @return the step, at least 1
   * @throws SQLException when the database cannot say
   */
  default int idStep(Connection c, SequenceMode mode) throws SQLException {
    return 1;
  }

  /**
   * Reads a sequence's attributes back on one connection (the read-back that verifies a mode switch), e.g.
   * PostgreSQL's {@code pg_sequences.cache_size}; {@link #readByQuery} runs a catalog query for it.
   *
   * @param sequence the sequence's name as it was created (unquoted, any case)
   * @return the attributes, empty when the connection sees no such sequence
   * @throws SQLException from the driver
   */
  Optional<SequenceAttributes> readSequence(Connection c, String sequence) throws SQLException;

  /**
   * What {@link #readSequence} must give after {@link #switchSequence}{@code (s, mode, cache)}: by default
   * CACHE 1 under ORDER and CACHE {@code cache} under NOORDER, no order flag (PostgreSQL, H2).
   */
  default SequenceAttributes expectedAttributes(SequenceMode mode, int cache) {
    return new SequenceAttributes(mode == SequenceMode.ORDER ? 1 : cache, null);
  }

  /**
   * Runs a catalog query whose one parameter is the sequence's name and whose one row, if any, holds the cache
   * size and, where the database has one, the order flag (a second column).
   *
   * @throws SQLException from the driver
   */
  static Optional<SequenceAttributes> readByQuery(Connection c, String sql, String sequence) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, sequence);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String flag = rs.getMetaData().getColumnCount() > 1 ? rs.getString(2) : null;
        return Optional.of(new SequenceAttributes(rs.getLong(1), flag));
      }
    }
  }

  /** The SQL expression of {@code sequence}'s next value, e.g. for a column default. */
  String nextvalExpression(String sequence);

  /** A query returning one row whose only column is {@code sequence}'s next value. */
  default String nextvalQuery(String sequence) {
    return "SELECT " + nextvalExpression(sequence);
  }

  /**
   * The CREATE SEQUENCE of a key sequence.
   *
   * @param firstValue the first value handed out (START WITH)
   * @param cache CACHE n, at least 1 (1: no cache)
   * @param scale an Oracle SCALE sequence (instance and session prefix), only where {@link #supportsScaleSequences()}
   * @throws IllegalArgumentException for {@code scale} on a database without SCALE sequences (a caller's bug)
   */
  default String createSequence(String sequence, long firstValue, int cache, boolean scale) {
    if (scale) {
      throw new IllegalArgumentException("SCALE sequences are not supported by " + this);
    }
    return "CREATE SEQUENCE " + sequence + " START WITH " + firstValue + " CACHE " + Math.max(1, cache);
  }

  /** A statement dropping the sequence that succeeds when it does not exist. */
  default String dropSequenceIfExists(String sequence) {
    return "DROP SEQUENCE IF EXISTS " + sequence;
  }

  /** True when the database has SCALE sequences (Oracle 18c+), which the seq_scale key strategy needs. */
  default boolean supportsScaleSequences() {
    return false;
  }
}

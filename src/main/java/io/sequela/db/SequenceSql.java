package io.sequela.db;

import io.sequela.config.SequenceMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

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

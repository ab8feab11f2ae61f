package io.sequela.db;

import io.sequela.config.SequenceMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Puts a sequence in a mode on one connection and checks that it took: the dialect's
 * {@link SequenceSql#switchSequence} statements, then {@link SequenceSql#readSequence} compared with
 * {@link SequenceSql#expectedAttributes}. A switch the database refuses (a missing privilege, a DBA's DDL
 * trigger) and one that reads back wrong are both failures, never skipped.
 */
public final class SequenceSwitch {

  private SequenceSwitch() {}

  /** Why a switch did not put the sequence in its mode: the database's message or what was read back. */
  public static final class Failed extends Exception {
    public Failed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Switches {@code sequence} to {@code mode} and reads it back.
   *
   * @param cache the CACHE size under NOORDER, at least 2
   * @return what the database reports after the switch, equal to the dialect's expected attributes
   * @throws Failed with the database's message when a statement or the read-back query fails, or with what
   *     was read and what was expected when they differ (or the sequence is not found)
   */
  public static SequenceAttributes apply(Connection c, Dialect dialect, String sequence, SequenceMode mode, int cache)
      throws Failed {
    List<String> sql = dialect.switchSequence(sequence, mode, cache);
    try (Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    } catch (SQLException e) {
      throw new Failed("'" + String.join("; ", sql) + "' failed: " + oneLine(e), e);
    }
    return verify(c, dialect, sequence, mode, cache);
  }

  /**
   * Reads {@code sequence} back and checks it is in {@code mode} (no switch).
   *
   * @return the attributes read
   * @throws Failed as {@link #apply}
   */
  public static SequenceAttributes verify(Connection c, Dialect dialect, String sequence, SequenceMode mode, int cache)
      throws Failed {
    SequenceAttributes expected = dialect.expectedAttributes(mode, cache);
    Optional<SequenceAttributes> read;
    try {
      read = dialect.readSequence(c, sequence);
    } catch (SQLException e) {
      throw new Failed("reading " + sequence + " back failed: " + oneLine(e), e);
    }
    if (read.isEmpty()) {
      throw new Failed(sequence + " not found when reading it back (expected " + expected + ")", null);
    }
    if (!read.get().equals(expected)) {
      throw new Failed(sequence + " reads back " + read.get() + ", expected " + expected + " for " + mode, null);
    }
    return read.get();
  }

  /** A driver message on one line (PostgreSQL adds "Where:" and "Hint:" lines), password-free. */
  static String oneLine(SQLException e) {
    return Target.mask(String.valueOf(e.getMessage())).replaceAll("\\s*\\R\\s*", " ").strip();
  }
}

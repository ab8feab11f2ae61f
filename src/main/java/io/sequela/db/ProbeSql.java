package io.sequela.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What a database tells about a measured phase: checkpoint, index size, WAL and block counters, wait
 * events (sampled live, or read from the database's own history), and the statements that make session
 * statistics visible. Each figure a database cannot give is an empty default, so a dialect implements only
 * what its database has; the caller never asks which database it is.
 */
public interface ProbeSql {

  /**
   * Counters of one index read at one instant; a null field is a figure the database does not give.
   *
   * @param indexBytes the index's size in bytes
   * @param walPosition the WAL insert position, as the database writes it (only for {@link ProbeSql#walBytes})
   * @param blocksRead index blocks read from outside the buffer cache since the statistics reset
   * @param blocksHit index blocks found in the buffer cache since the statistics reset
   */
  record IndexCounters(Long indexBytes, String walPosition, Long blocksRead, Long blocksHit) {
    /** No figures at all. */
    public static final IndexCounters NONE = new IndexCounters(null, null, null, null);
  }

  /** The statement that writes dirty buffers to disk before a phase: {@code CHECKPOINT} by default. */
  default String checkpointSql() {
    return "CHECKPOINT";
  }

  /**
   * Reads the counters of an index.
   *
   * @param indexName the index (constraint) name as created, in lower case
   * @return the counters; {@link IndexCounters#NONE} by default
   * @throws SQLException when the query fails
   */
  default IndexCounters indexCounters(Connection c, String indexName) throws SQLException {
    return IndexCounters.NONE;
  }

  /**
   * WAL bytes written between two {@link IndexCounters#walPosition()}s.
   *
   * @return bytes, or null where the database has no WAL position (the default)
   * @throws SQLException when the query fails
   */
  default Long walBytes(Connection c, String fromPosition, String toPosition) throws SQLException {
    return null;
  }

  /** True when {@link #walBytes} and the index block counters are figures of this database (reports show them). */
  default boolean reportsWalAndBlockCounters() {
    return false;
  }

  /**
   * A query sampled during a phase (every {@code sequela.keygen.wait_sample_interval}, 10 ms by default): one
   * parameter, a LIKE pattern (backslash escapes) of the load sessions' application name; one row per load
   * session, its wait event or {@code CPU} (running without a wait). Empty by default.
   */
  default Optional<String> waitEventSampleQuery() {
    return Optional.empty();
  }

  /**
   * A query of the database's own wait-event history read after a phase: parameters module, start and end,
   * the window's instants as UTC wall-clock {@link java.time.LocalDateTime}s (the history's time column is UTC,
   * whatever the server's and the JVM's time zones); rows (event or {@code CPU}, samples), most frequent first.
   * Empty by default.
   */
  default Optional<String> waitEventHistoryQuery() {
    return Optional.empty();
  }

  /** The report line when {@link #waitEventHistoryQuery()} cannot be read (missing privilege or licence). */
  default String waitEventHistoryUnreadable() {
    return "wait events not available: the wait-event history is not readable by this user";
  }

  /**
   * Reads the cumulative wait counters, per instance, of the events that sequences and right-hand index inserts
   * cause (Oracle: {@code GV$SYSTEM_EVENT}), for a probe that subtracts two readings around a stage. Empty where
   * the database has no such view (the default). Never throws: a view the user may not read, or any failure of
   * the query, gives {@link InstanceWaits#unreadable} with one line naming the grant.
   *
   * @param user the connected user, named in the GRANT line (null: {@code <user>})
   */
  default Optional<InstanceWaits> instanceWaits(Connection c, String user) {
    return Optional.empty();
  }

  /** True when a phase gets wait events, sampled or from history. */
  default boolean reportsWaitEvents() {
    return waitEventSampleQuery().isPresent() || waitEventHistoryQuery().isPresent();
  }

  /**
   * A statement run when a load session connects, tagging it with {@code module} for the wait-event history
   * (where the application name in the driver properties is not what the history records). Empty by default.
   */
  default Optional<String> sessionModuleSql(String module) {
    return Optional.empty();
  }

  /**
   * The statement a session runs after its last insert of a phase so that its statistics are visible to the
   * counters at once, or empty where not needed or not available on this server.
   *
   * @param c a connection to the server, to read its version
   * @throws SQLException when the version cannot be read
   */
  default Optional<String> flushStatisticsSql(Connection c) throws SQLException {
    return Optional.empty();
  }

  /** A line for the report naming the figures this database does not give at all, or empty. */
  default Optional<String> missingFiguresNote() {
    return Optional.empty();
  }
}

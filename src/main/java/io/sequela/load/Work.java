package io.sequela.load;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One unit of work for a {@link JdbcWorkers} worker, run on that worker's connection: an insert (or any
 * update), a query whose rows are all read and counted, or a commit of the worker's open transaction.
 * Immutable; build one with {@link #insert}, {@link #query} or {@link #commit()}.
 *
 * @param kind what the worker does
 * @param sql the statement, prepared once per worker and reused; null for {@link Kind#COMMIT}
 * @param binder binds the parameters before each execute (untimed); never null
 * @param observer sees the outcome on the worker thread before the caller's completion (e.g. to record
 *     the ns duration); never null
 * @param settled gets the work's final outcome once, on the worker thread (where it is logged as a request):
 *     the outcome itself before the completion, except for an insert that succeeds inside an open transaction
 *     (autocommit off), which is settled when that transaction ends: as it was when its COMMIT succeeds, as a
 *     failure ({@code rolled back with its transaction: <cause>}) when the transaction is rolled back; never null
 */
public record Work(Kind kind, String sql, Binder binder, Consumer<Outcome> observer, Consumer<Outcome> settled) {

  /** What a worker does with a unit of work, and so what its timing covers. */
  public enum Kind {
    /** {@code executeUpdate}; the outcome's rows are the update count. */
    INSERT,
    /** {@code executeQuery}, then every column of every row read; the outcome's rows are the rows read. */
    QUERY,
    /** {@code Connection.commit()} of the worker's transaction (autocommit off); rows 0. */
    COMMIT
  }

  /** Binds a prepared statement's parameters; runs on the worker thread, outside the timed span. */
  @FunctionalInterface
  public interface Binder {
    /** @throws SQLException when the driver refuses a value (the work becomes a failed outcome) */
    void bind(PreparedStatement statement) throws SQLException;
  }

  private static final Binder NOTHING = ps -> {};
  private static final Consumer<Outcome> NOBODY = o -> {};

  public Work {
    Objects.requireNonNull(kind, "kind");
    if (kind != Kind.COMMIT) {
      Objects.requireNonNull(sql, "sql");
    }
    binder = binder == null ? NOTHING : binder;
    observer = observer == null ? NOBODY : observer;
    settled = settled == null ? NOBODY : settled;
  }

  /** Work whose final outcome nobody waits for. */
  public Work(Kind kind, String sql, Binder binder, Consumer<Outcome> observer) {
    this(kind, sql, binder, observer, null);
  }

  /** An insert (any statement run with executeUpdate) with its parameters bound by {@code binder}. */
  public static Work insert(String sql, Binder binder) {
    return new Work(Kind.INSERT, sql, binder, null);
  }

  /** A query whose every row is read and counted, with its parameters bound by {@code binder}. */
  public static Work query(String sql, Binder binder) {
    return new Work(Kind.QUERY, sql, binder, null);
  }

  /** A commit of the worker's open transaction (its connection must have autocommit off). */
  public static Work commit() {
    return new Work(Kind.COMMIT, null, null, null);
  }

  /**
   * The same work, its outcome also handed to {@code observer} (on the worker thread, before the completion),
   * after any observer it has.
   */
  public Work observedBy(Consumer<Outcome> observer) {
    Consumer<Outcome> before = this.observer;
    return new Work(kind, sql, binder, before == NOBODY ? observer : before.andThen(observer), settled);
  }

  /**
   * The same work, its final outcome also handed to {@code settled} (see the record's doc), after anyone it is
   * handed to already.
   */
  public Work settledBy(Consumer<Outcome> settled) {
    Consumer<Outcome> before = this.settled;
    return new Work(kind, sql, binder, observer, before == NOBODY ? settled : before.andThen(settled));
  }
}

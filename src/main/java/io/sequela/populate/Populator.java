package io.sequela.populate;

import io.sequela.SequelaException;
import io.sequela.db.ConnectionSource;
import io.sequela.db.Dialect;
import io.sequela.db.Pools;
import io.sequela.db.Target;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Loads a model into a database: the library entry point behind {@code sequela populate}, usable from
 * simulations. Work (a table created and loaded as one stream, or a range of {@link RowRange#CHUNK_ROWS}
 * rows) is spread over {@code threads} workers, each holding one connection for the whole load; values do
 * not depend on the number of threads. Where the dialect takes COPY (PostgreSQL), tables created from the model
 * load through COPY binary, and when they are at least as many as the threads, each loads as one COPY FREEZE
 * stream in the transaction that creates it (see {@link RangeLoader}).
 */
public final class Populator {

  private Populator() {}

  /**
   * Drops every table of the model (committed first, as {@code pgbench -i} does), creates and loads them, then
   * adds primary keys and indexes. A failed load leaves no half-filled table: each table created from the
   * model is created and loaded in one transaction when it loads as one stream.
   *
   * @param target any target; {@code embedded} is started if needed
   * @param threads loading threads (and connections), at least 1
   * @return rows written and wall time
   * @throws SequelaException.InvalidInput when a generated value cannot be stored as generated in the target's
   *     database ({@link Model#checkLoadableInto}), before any database work
   * @throws SequelaException.DatabaseFailure naming the table when the database refuses, or the host when
   *     it cannot be reached
   */
  public static LoadResult load(Model model, Target target, int threads) {
    return load(model, target, threads, Schema.CREATE, Progress.none());
  }

  /**
   * As {@link #load(Model, Target, int)}, with a schema policy and a progress sink. Plain driver connections
   * ({@link Pools#direct}), one per thread: a pool would only add its start-up.
   */
  public static LoadResult load(Model model, Target target, int threads, Schema schema, Progress progress) {
    model.checkLoadableInto(target.dialect());
    Target resolved = target.resolve();
    return load(model, Pools.direct(resolved, "populate"), resolved.dialect(), threads, schema, progress);
  }

  /** As {@link #load(Model, Target, int)} on a data source of the given dialect (at least {@code threads} connections). */
  public static LoadResult load(Model model, DataSource ds, Dialect dialect, int threads, Schema schema, Progress progress) {
    return load(model, ds::getConnection, dialect, threads, schema, progress);
  }

  private static LoadResult load(Model model, ConnectionSource source, Dialect dialect, int threads, Schema schema, Progress progress) {
    if (threads < 1) {
      throw new SequelaException.InvalidInput("threads: must be >= 1, got " + threads);
    }
    model.checkLoadableInto(dialect);
    long t0 = System.nanoTime();
    Map<String, List<ColumnValues>> values = columnValues(model);
    Set<Table> binary = binaryCopyTables(model, dialect, schema);
    Set<Table> frozen = binary.size() >= threads ? binary : Set.of();
    List<Workers.Task> loads = new ArrayList<>();
    for (Table t : frozen) {
      loads.add(new Workers.Task(t.name(), c -> createAndLoadFrozen(c, dialect, t, values.get(t.name()), progress)));
    }
    for (RowRange r : RowRange.split(model)) {
      Table t = r.table();
      if (!frozen.contains(t)) {
        RangeLoader.Copy format = binary.contains(t) ? RangeLoader.Copy.BINARY : RangeLoader.Copy.TEXT;
        loads.add(new Workers.Task(t.name(), c -> RangeLoader.load(c, dialect, r, values.get(t.name()), format, progress)));
      }
    }
    List<Workers.Task> keys = new ArrayList<>();
    if (schema == Schema.CREATE) {
      for (Table t : model.tables()) {
        keys.add(new Workers.Task(t.name(), c -> unflushed(c, dialect, () -> {
          for (String sql : TableWriter.afterLoad(dialect, t)) {
            TableWriter.execute(c, sql);
          }
        })));
      }
    }
    try (Workers workers = Workers.open(source, Math.min(threads, Math.max(1, loads.size())))) {
      if (schema == Schema.CREATE) {
        workers.runOnFirst(new Workers.Task("drop tables", c -> unflushed(c, dialect, () -> {
          for (Table t : model.tables()) {
            TableWriter.dropIfExists(c, dialect, t);
          }
        })));
        workers.runOnFirst(new Workers.Task("create tables", c -> unflushed(c, dialect, () -> {
          for (Table t : model.tables()) {
            if (!frozen.contains(t)) {
              TableWriter.create(c, dialect, t);
            }
          }
        })));
      }
      workers.run(loads);
      workers.run(keys);
    }
    return new LoadResult(model.totalRows(), (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * Loads the rows of every table of the model on one connection, range after range, without any DDL:
   * for a caller that created the tables itself (e.g. the query benchmark's cpu_usage). The rows are the
   * same as {@link #load(Model, Target, int)} writes; COPY text, since the table is not the model's own DDL.
   *
   * @param c an open connection in autocommit mode (COPY where the dialect takes it; else one committed batch per range)
   * @return rows written
   * @throws SequelaException.DatabaseFailure naming the table when the database refuses
   */
  public static long loadRows(Model model, Connection c, Dialect dialect) {
    Map<String, List<ColumnValues>> values = columnValues(model);
    for (RowRange r : RowRange.split(model)) {
      try {
        RangeLoader.load(c, dialect, r, values.get(r.table().name()), RangeLoader.Copy.TEXT, Progress.none());
      } catch (SQLException e) {
        throw Workers.failure(r.table().name(), e);
      }
    }
    return model.totalRows();
  }

  private static Map<String, List<ColumnValues>> columnValues(Model model) {
    return model.tables().stream().collect(Collectors.toMap(Table::name,
        t -> t.columns().stream().map(c -> ColumnValues.of(model, t, c)).toList()));
  }

  /**
   * Tables this load creates from the model's DDL on a database that takes COPY: their column types are exactly
   * the model's, so they take COPY binary. Tables from a setup script or {@code --schema none} take COPY text.
   */
  private static Set<Table> binaryCopyTables(Model model, Dialect dialect, Schema schema) {
    if (!dialect.supportsCopy() || schema != Schema.CREATE) {
      return Set.of();
    }
    return model.tables().stream().filter(t -> t.setupScript() == null).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * Creates a table and loads all its rows in one transaction, one stream: COPY FREEZE (allowed only in the
   * creating transaction) writes the rows frozen, so the later key build and ANALYZE set no hint bits.
   * Used when there are at least as many such tables as threads; otherwise the ranges of a table load in
   * parallel on several connections, which COPY FREEZE cannot do.
   */
  private static void createAndLoadFrozen(Connection c, Dialect d, Table t, List<ColumnValues> values, Progress progress)
      throws SQLException {
    RangeLoader.inLoadTransaction(c, d, () -> {
      TableWriter.create(c, d, t);
      RangeLoader.copy(c, d, new RowRange(t, 0, t.rows()), values, RangeLoader.Copy.BINARY_FREEZE, progress);
    });
  }

  /**
   * In one transaction whose commit does not wait for the log flush where the dialect has such a setting
   * (PostgreSQL: {@link Dialect#unflushedTransactionSql()}); elsewhere as is.
   */
  private static void unflushed(Connection c, Dialect d, RangeLoader.SqlStep step) throws SQLException {
    if (d.unflushedTransactionSql().isEmpty()) {
      step.run();
    } else {
      RangeLoader.inLoadTransaction(c, d, step);
    }
  }

}

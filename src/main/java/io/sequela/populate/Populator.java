package io.sequela.populate;

import com.zaxxer.hikari.HikariDataSource;
import io.sequela.SequelaException;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Loads a model into a database: the library entry point behind {@code sequela populate}, usable from
 * simulations. Row ranges of {@link RowRange#CHUNK_ROWS} rows are spread over a fixed pool of threads,
 * each with its own connection; values do not depend on the number of threads. On PostgreSQL, tables
 * created from the model load through COPY binary, and when they are at least as many as the threads, each
 * loads as one COPY FREEZE stream in the transaction that creates it (see {@link RangeLoader}).
 */
public final class Populator {

  private Populator() {}

  /**
   * Drops, creates and loads every table of the model, then adds primary keys and indexes.
   *
   * @param target any target; {@code embedded} is started if needed
   * @param threads loading threads (and connections), at least 1
   * @return rows written and wall time
   * @throws SequelaException.DatabaseFailure naming the table when the database refuses
   */
  public static LoadResult load(Model model, Target target, int threads) {
    return load(model, target, threads, Schema.CREATE, Progress.none());
  }

  /** As {@link #load(Model, Target, int)}, with a schema policy and a progress sink. */
  public static LoadResult load(Model model, Target target, int threads, Schema schema, Progress progress) {
    Target resolved = target.resolve();
    try (HikariDataSource pool = Pools.open(resolved, "populate", threads)) {
      return load(model, pool, resolved.dialect(), threads, schema, progress);
    }
  }

  /** As {@link #load(Model, Target, int)} on a data source of the given dialect (at least {@code threads} connections). */
  public static LoadResult load(Model model, DataSource ds, Dialect dialect, int threads, Schema schema, Progress progress) {
    if (threads < 1) {
      throw new SequelaException.InvalidInput("threads: must be >= 1, got " + threads);
    }
    long t0 = System.nanoTime();
    Map<String, List<ColumnValues>> values = columnValues(model);
    Set<Table> binary = binaryCopyTables(model, dialect, schema);
    Set<Table> frozen = binary.size() >= threads ? binary : Set.of();
    if (schema == Schema.CREATE) {
      withConnection(ds, "create tables", c -> unflushed(c, dialect, () -> {
        for (Table t : model.tables()) {
          if (!frozen.contains(t)) {
            TableWriter.create(c, dialect, t);
          }
        }
      }));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "sequela-populate"));
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Table t : frozen) {
        done.add(pool.submit(() -> withConnection(ds, t.name(), c -> createAndLoadFrozen(c, dialect, t, values.get(t.name()), progress))));
      }
      for (RowRange r : RowRange.split(model)) {
        Table t = r.table();
        if (!frozen.contains(t)) {
          RangeLoader.Copy format = binary.contains(t) ? RangeLoader.Copy.BINARY : RangeLoader.Copy.TEXT;
          done.add(pool.submit(() -> withConnection(ds, t.name(), c -> RangeLoader.load(c, dialect, r, values.get(t.name()), format, progress))));
        }
      }
      await(done);
      if (schema == Schema.CREATE) {
        done.clear();
        for (Table t : model.tables()) {
          done.add(pool.submit(() -> withConnection(ds, t.name(), c -> unflushed(c, dialect, () -> {
            for (String sql : TableWriter.afterLoad(dialect, t)) {
              TableWriter.execute(c, sql);
            }
          }))));
        }
        await(done);
      }
    } finally {
      pool.shutdownNow();
    }
    return new LoadResult(model.totalRows(), (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * Loads the rows of every table of the model on one connection, range after range, without any DDL:
   * for a caller that created the tables itself (e.g. the query benchmark's cpu_usage). The rows are the
   * same as {@link #load(Model, Target, int)} writes; COPY text, since the table is not the model's own DDL.
   *
   * @param c an open connection in autocommit mode (PostgreSQL: COPY; others: one committed batch per range)
   * @return rows written
   * @throws SequelaException.DatabaseFailure naming the table when the database refuses
   */
  public static long loadRows(Model model, Connection c, Dialect dialect) {
    Map<String, List<ColumnValues>> values = columnValues(model);
    for (RowRange r : RowRange.split(model)) {
      try {
        RangeLoader.load(c, dialect, r, values.get(r.table().name()), RangeLoader.Copy.TEXT, Progress.none());
      } catch (SQLException e) {
        throw failure(r.table().name(), e);
      }
    }
    return model.totalRows();
  }

  private static Map<String, List<ColumnValues>> columnValues(Model model) {
    return model.tables().stream().collect(Collectors.toMap(Table::name,
        t -> t.columns().stream().map(c -> ColumnValues.of(model, t, c)).toList()));
  }

  /**
   * PostgreSQL tables this load creates from the model's DDL: their column types are exactly the model's,
   * so they take COPY binary. Tables from a setup script or {@code --schema none} take COPY text.
   */
  private static Set<Table> binaryCopyTables(Model model, Dialect dialect, Schema schema) {
    if (dialect != Dialect.POSTGRESQL || schema != Schema.CREATE) {
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
    RangeLoader.inLoadTransaction(c, () -> {
      TableWriter.create(c, d, t);
      RangeLoader.copy(c, new RowRange(t, 0, t.rows()), values, RangeLoader.Copy.BINARY_FREEZE, progress);
    });
  }

  /** PostgreSQL: in one transaction whose commit does not wait for a WAL flush; other databases: as is. */
  private static void unflushed(Connection c, Dialect d, RangeLoader.SqlStep step) throws SQLException {
    if (d == Dialect.POSTGRESQL) {
      RangeLoader.inLoadTransaction(c, step);
    } else {
      step.run();
    }
  }

  private interface SqlWork {
    void run(Connection c) throws SQLException;
  }

  private static void withConnection(DataSource ds, String what, SqlWork work) {
    try (Connection c = ds.getConnection()) {
      work.run(c);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private static SequelaException.DatabaseFailure failure(String what, SQLException e) {
    return new SequelaException.DatabaseFailure("populate " + what + ": " + e.getMessage().lines().findFirst().orElse(""), e);
  }

  private static void await(List<Future<?>> futures) {
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      throw e.getCause() instanceof SequelaException se ? se : new SequelaException("populate failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SequelaException("populate interrupted", e);
    }
  }
}

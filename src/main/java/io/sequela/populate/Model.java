package io.sequela.populate;

import io.sequela.SequelaException;
import io.sequela.config.Problems;
import io.sequela.db.Dialect;
import java.util.List;

/**
 * A seeded data model: tables with row counts and per-column generators. Immutable; load one with
 * {@link ModelLoader}. The same model and seed give the same rows on every machine.
 *
 * @param seed the seed every value is derived from
 * @param tables tables, referenced tables before the tables that reference them
 */
public record Model(long seed, List<Table> tables) {

  public Model {
    tables = List.copyOf(tables);
  }

  /**
   * The table with this name.
   *
   * @throws SequelaException.InvalidInput when there is none
   */
  public Table table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new SequelaException.InvalidInput("tables." + name + ": no such table in the model"));
  }

  /** The same model with another seed. */
  public Model withSeed(long newSeed) {
    return new Model(newSeed, tables);
  }

  /**
   * The same model with another row count for one table (e.g. a plan's pre-seeded rows). Values of
   * other tables do not change, except ref columns picking from this table.
   */
  public Model withRows(String tableName, long rows) {
    Table target = table(tableName);
    if (rows < 0) {
      throw new SequelaException.InvalidInput("tables." + tableName + ".rows: must be >= 0, got " + rows);
    }
    return new Model(seed, tables.stream().map(t -> t == target ? t.withRows(rows) : t).toList());
  }


  /**
   * Checks that every generated value can be stored as generated in {@code dialect}'s database, before any
   * database work: where the database stores {@code ''} as NULL ({@link Dialect#emptyStringIsNull()}, Oracle), a
   * text column whose generator can produce {@code ''} (a string with min-length 0, a categorical value
   * {@code ""}) would break its NOT NULL and verify's fingerprints.
   *
   * @throws SequelaException.InvalidInput naming every such column, one line each
   */
  public void checkLoadableInto(Dialect dialect) {
    if (!dialect.emptyStringIsNull()) {
      return;
    }
    Problems problems = new Problems(null);
    for (Table t : tables) {
      for (Column c : t.columns()) {
        String path = "tables." + t.name() + ".columns." + c.name();
        if (c.generator() instanceof Generator.Text g && g.minLength() == 0) {
          problems.add(null, path + ".min-length", "must be >= 1 on " + dialect.name() + ", which stores '' as NULL (the "
              + "column is NOT NULL), got 0");
        } else if (c.generator() instanceof Generator.Categorical g && g.values().contains("")) {
          problems.add(null, path + ".values", "must not hold \"\" on " + dialect.name() + ", which stores '' as NULL "
              + "(the column is NOT NULL)");
        }
      }
    }
    problems.throwIfAny();
  }

  /** Rows over all tables. */
  public long totalRows() {
    return tables.stream().mapToLong(Table::rows).sum();
  }
}

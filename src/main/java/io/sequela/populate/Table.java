package io.sequela.populate;

import java.util.List;

/**
 * One table of a model. Immutable.
 *
 * @param name the table name as written in SQL
 * @param rows rows to generate, 0 or more
 * @param columns columns in DDL order
 * @param primaryKey primary-key columns (empty for none), added after the load
 * @param indexes secondary indexes, each a list of columns, created after the load
 * @param setupScript a script under {@code sql/<dialect>/} that creates the table instead of the
 *     generated DDL (e.g. {@code setup.sql} for JOB_EXECUTION), or null
 */
public record Table(String name, long rows, List<Column> columns, List<String> primaryKey,
    List<List<String>> indexes, String setupScript) {

  public Table {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    indexes = indexes.stream().map(List::copyOf).toList();
  }

  /** The column with this name, or null. */
  public Column column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst().orElse(null);
  }

  /** The same table with another row count. */
  public Table withRows(long n) {
    return new Table(name, n, columns, primaryKey, indexes, setupScript);
  }
}

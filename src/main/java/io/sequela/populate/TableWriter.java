package io.sequela.populate;

import io.sequela.db.Dialect;
import io.sequela.db.SqlScripts;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** DDL for model tables: drop, then create before the load; primary key and indexes after it. */
final class TableWriter {

  private TableWriter() {}

  /**
   * Drops the table if it exists. The populator commits this before it creates and loads the table again,
   * as {@code pgbench -i} does: the old rows' disk space is free before the new rows are written (a reload
   * never needs room for both), and on PostgreSQL the new file is not laid out beside the old one, which made
   * every other load's COPY up to 1.6 times slower on ext4.
   */
  static void dropIfExists(Connection c, Dialect d, Table t) throws SQLException {
    execute(c, d.dropTableIfExists(t.name()));
  }

  /** Creates the table (every column NOT NULL: generators make no nulls), from the model or its setup script. */
  static void create(Connection c, Dialect d, Table t) throws SQLException {
    if (t.setupScript() != null) {
      SqlScripts.run(c, d, t.setupScript());
      return;
    }
    String cols = t.columns().stream().map(col -> col.name() + " " + col.type().ddl(d) + " NOT NULL")
        .collect(Collectors.joining(", "));
    execute(c, "CREATE TABLE " + t.name() + " (" + cols + ")");
  }

  /** Statements that add the primary key and indexes of a loaded table, then the dialect's ANALYZE if it has one. */
  static List<String> afterLoad(Dialect d, Table t) {
    List<String> out = new ArrayList<>();
    if (!t.primaryKey().isEmpty()) {
      out.add("ALTER TABLE " + t.name() + " ADD PRIMARY KEY (" + String.join(", ", t.primaryKey()) + ")");
    }
    for (List<String> ix : t.indexes()) {
      out.add("CREATE INDEX " + t.name() + "_" + String.join("_", ix) + "_idx ON " + t.name() + " (" + String.join(", ", ix) + ")");
    }
    d.analyzeSql(t.name()).ifPresent(out::add);
    return out;
  }

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}

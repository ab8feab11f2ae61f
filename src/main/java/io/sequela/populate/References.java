package io.sequela.populate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks ref columns against the tables they pick from and fills in their kind. No foreign-key
 * constraint is created, so table order does not matter; tables stay in name order.
 */
final class References {

  private final Map<String, Table> tables;
  private final ModelProblems problems;

  References(Map<String, Table> tables, ModelProblems problems) {
    this.tables = tables;
    this.problems = problems;
  }

  List<Table> resolveAndOrder() {
    List<Table> out = new ArrayList<>();
    for (Table t : tables.values()) {
      List<Column> cols = new ArrayList<>();
      for (Column c : t.columns()) {
        cols.add(c.generator() instanceof Generator.Ref r ? resolve(t, c, r) : c);
      }
      out.add(new Table(t.name(), t.rows(), cols, t.primaryKey(), t.indexes(), t.setupScript()));
    }
    return out;
  }

  private Column resolve(Table t, Column c, Generator.Ref r) {
    String path = "tables." + t.name() + ".columns." + c.name();
    Table target = tables.get(r.table());
    if (target == null) {
      problems.add(path + ".table", "no table '" + r.table() + "' in the model");
      return c;
    }
    Column source = target.column(r.column());
    if (source == null) {
      problems.add(path + ".column", "no column '" + r.column() + "' in table " + r.table());
      return c;
    }
    if (source.generator() instanceof Generator.Ref) {
      problems.add(path + ".column", r.table() + "." + r.column() + " is itself a ref; reference the original column");
    } else if (source.type().kind() != c.type().kind()) {
      problems.add(path + ".type", c.type() + " cannot hold values of " + r.table() + "." + r.column() + " (" + source.type() + ")");
    } else if (t.rows() > 0 && target.rows() == 0) {
      problems.add(path + ".table", "table " + r.table() + " has no rows to pick from");
    }
    return new Column(c.name(), c.type(), new Generator.Ref(r.table(), r.column(), source.type().kind()));
  }
}

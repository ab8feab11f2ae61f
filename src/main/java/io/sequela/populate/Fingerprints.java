package io.sequela.populate;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.db.Pools;
import io.sequela.db.Target;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Computes {@link Fingerprint}s: expected ones from the model in Java (no database), measured ones in SQL
 * (one aggregate query per table), and the differences between the two.
 */
public final class Fingerprints {

  private Fingerprints() {}

  /**
   * The fingerprints a loaded model must have, computed in Java over row ranges in parallel (common
   * fork-join pool); about 1 s per million rows of five columns per core.
   */
  public static DatabaseStatus expected(Model model) {
    List<TableFingerprint> tables = new ArrayList<>();
    for (Table t : model.tables()) {
      List<ColumnValues> values = t.columns().stream().map(c -> ColumnValues.of(model, t, c)).toList();
      List<RowRange> ranges = RowRange.split(new Model(model.seed(), List.of(t)));
      Fingerprint.Accumulator[] total = ranges.parallelStream()
          .map(r -> accumulate(t, values, r))
          .reduce(Fingerprints::merge)
          .orElseGet(() -> fresh(values.size()));
      List<Fingerprint> cols = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        cols.add(total[i].toFingerprint(t.columns().get(i).name(), values.get(i).kind()));
      }
      tables.add(new TableFingerprint(t.name(), t.rows(), cols));
    }
    return new DatabaseStatus(model.seed(), tables);
  }

  private static Fingerprint.Accumulator[] fresh(int n) {
    Fingerprint.Accumulator[] a = new Fingerprint.Accumulator[n];
    for (int i = 0; i < n; i++) {
      a[i] = new Fingerprint.Accumulator();
    }
    return a;
  }

  private static Fingerprint.Accumulator[] accumulate(Table t, List<ColumnValues> values, RowRange r) {
    Fingerprint.Accumulator[] acc = fresh(values.size());
    MessageDigest md5 = Projection.md5();
    for (int c = 0; c < values.size(); c++) {
      ColumnValues v = values.get(c);
      boolean padded = t.columns().get(c).type().blankPadded();
      for (long row = r.from(); row < r.to(); row++) {
        acc[c].add(Projection.of(v, row, padded, md5));
      }
    }
    return acc;
  }

  private static Fingerprint.Accumulator[] merge(Fingerprint.Accumulator[] a, Fingerprint.Accumulator[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i].merge(b[i]);
    }
    return a;
  }

  /**
   * The fingerprints of the tables and columns named in {@code shape}, measured in SQL.
   *
   * @throws SequelaException.DatabaseFailure naming the table when its query fails (e.g. no such table)
   * @throws SequelaException.UnsupportedDialect for a dialect without an MD5 ({@link Dialect#md5Bigint})
   */
  public static DatabaseStatus measure(Connection c, Dialect dialect, DatabaseStatus shape) {
    List<TableFingerprint> tables = new ArrayList<>();
    for (TableFingerprint t : shape.tables()) {
      tables.add(measureTable(c, dialect, t));
    }
    return new DatabaseStatus(shape.seed(), tables);
  }

  /**
   * As {@link #measure(Connection, Dialect, DatabaseStatus)} on a target (embedded is started if needed).
   *
   * @throws SequelaException.DatabaseFailure when the target cannot be reached or a query fails
   */
  public static DatabaseStatus measure(Target target, DatabaseStatus shape) {
    Target resolved = target.resolve();
    // one plain connection: a refused connection fails at once instead of after a pool's retries
    try (Connection c = Pools.direct(resolved, "verify").open()) {
      return measure(c, resolved.dialect(), shape);
    } catch (SQLException e) {
      throw Pools.unreachable(resolved, "verify", e);
    }
  }

  /** What the driver's metadata tells of the columns: which are CHAR(n) (blank-padded), which timestamps have a zone. */
  private record ColumnShapes(Set<String> blankPadded, Set<String> withTimeZone) {}

  /**
   * The columns of {@code shape} that the database holds as CHAR(n) (blank-padded) or as timestamps with a time
   * zone, from the driver's metadata of an empty result: the status file records value kinds, not SQL types.
   */
  private static ColumnShapes columnShapes(Connection c, TableFingerprint shape) {
    String cols = shape.columns().stream().map(Fingerprint::column).collect(Collectors.joining(", "));
    Set<String> padded = new HashSet<>();
    Set<String> zoned = new HashSet<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + (cols.isEmpty() ? "1" : cols) + " FROM " + shape.table() + " WHERE 1 = 0")) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount() && !cols.isEmpty(); i++) {
        String name = shape.columns().get(i - 1).column();
        if (md.getColumnType(i) == Types.CHAR || md.getColumnType(i) == Types.NCHAR) {
          padded.add(name);
        }
        // JDBC's TIMESTAMP_WITH_TIMEZONE; ojdbc reports its own codes, so the type name decides there
        String typeName = String.valueOf(md.getColumnTypeName(i)).toUpperCase(java.util.Locale.ROOT);
        if (md.getColumnType(i) == Types.TIMESTAMP_WITH_TIMEZONE || typeName.contains("TIME ZONE")) {
          zoned.add(name);
        }
      }
    } catch (SQLException e) {
      throw failure(shape.table(), e);
    }
    return new ColumnShapes(padded, zoned);
  }

  private static SequelaException.DatabaseFailure failure(String table, SQLException e) {
    return new SequelaException.DatabaseFailure("verify " + table + ": " + e.getMessage().lines().findFirst().orElse(""), e);
  }

  private static TableFingerprint measureTable(Connection c, Dialect dialect, TableFingerprint shape) {
    ColumnShapes shapes = columnShapes(c, shape);
    StringBuilder sql = new StringBuilder("SELECT COUNT(*)");
    for (Fingerprint f : shape.columns()) {
      String p = Projection.sql(dialect, f.kind(), f.column(), shapes.blankPadded().contains(f.column()),
          shapes.withTimeZone().contains(f.column()));
      sql.append(", COUNT(").append(f.column()).append("), MIN(").append(p).append("), MAX(").append(p)
          .append("), SUM(").append(p).append(")");
    }
    sql.append(" FROM ").append(shape.table());
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
      rs.next();
      List<Fingerprint> cols = new ArrayList<>();
      int i = 2;
      for (Fingerprint f : shape.columns()) {
        long count = rs.getLong(i);
        Long min = count == 0 ? null : rs.getLong(i + 1);
        Long max = count == 0 ? null : rs.getLong(i + 2);
        BigDecimal sum = rs.getBigDecimal(i + 3);
        cols.add(new Fingerprint(f.column(), f.kind(), count, min, max, sum == null ? BigInteger.ZERO : sum.toBigIntegerExact()));
        i += 4;
      }
      return new TableFingerprint(shape.table(), rs.getLong(1), cols);
    } catch (SQLException e) {
      throw failure(shape.table(), e);
    }
  }

  /**
   * The differences between expected and actual fingerprints, one line each: {@code <table>: rows ...}
   * or {@code <table>.<column>: <field> expected X, found Y}. Empty when everything matches.
   */
  public static List<String> mismatches(DatabaseStatus expected, DatabaseStatus actual) {
    List<String> out = new ArrayList<>();
    for (TableFingerprint e : expected.tables()) {
      TableFingerprint a = actual.tables().stream().filter(x -> x.table().equals(e.table())).findFirst().orElse(null);
      if (a == null) {
        out.add(e.table() + ": table not measured");
        continue;
      }
      if (e.rows() != a.rows()) {
        out.add(e.table() + ": rows expected " + e.rows() + ", found " + a.rows());
      }
      for (Fingerprint fe : e.columns()) {
        Fingerprint fa = a.columns().stream().filter(x -> x.column().equals(fe.column())).findFirst().orElse(null);
        String where = e.table() + "." + fe.column();
        if (fa == null) {
          out.add(where + ": column not measured");
          continue;
        }
        diff(out, where, "count", fe.count(), fa.count());
        diff(out, where, "min", fe.min(), fa.min());
        diff(out, where, "max", fe.max(), fa.max());
        diff(out, where, "sum", fe.sum(), fa.sum());
      }
    }
    return out;
  }

  private static void diff(List<String> out, String where, String field, Object e, Object a) {
    if (!Objects.equals(e, a)) {
      out.add(where + ": " + field + " expected " + e + ", found " + a);
    }
  }
}

package io.sequela.db;

import io.sequela.SequelaException;
import java.util.List;
import java.util.Locale;

/**
 * What differs between the databases sequela drives. One small class per database; the SQL lives
 * next to the code that binds it, and the DDL in {@code sql/<name>/} on the classpath.
 */
public interface Dialect {

  Dialect POSTGRESQL = new PostgresDialect();
  Dialect ORACLE = new OracleDialect();
  Dialect H2 = new H2Dialect();

  /** Lower-case name, also the folder under {@code sql/}: postgresql, oracle, h2. */
  String name();

  /**
   * Statements that put a sequence in a mode.
   *
   * @param sequence the sequence name
   * @param mode ORDER or NOORDER
   * @param cache the CACHE size used under NOORDER, at least 2
   * @return the statements to run, in order, on one connection
   */
  List<String> switchSequence(String sequence, SequenceMode mode, int cache);

  /** SQL expression for the database's per-statement clock (SQL_DATE). */
  String statementClock();

  /** One sentence for reports: what the sequence CACHE means on this database. */
  String cacheSemantics();

  /** A query returning one row whose only column is {@code sequence}'s next value. */
  String nextvalQuery(String sequence);

  /**
   * The dialect named by a JDBC URL.
   *
   * @throws SequelaException.UnsupportedDialect for any other database
   */
  static Dialect fromJdbcUrl(String jdbcUrl) {
    String u = jdbcUrl.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (u.startsWith("jdbc:oracle:")) {
      return ORACLE;
    }
    if (u.startsWith("jdbc:h2:")) {
      return H2;
    }
    throw new SequelaException.UnsupportedDialect(
        "unsupported database in '" + Target.mask(jdbcUrl) + "': expected jdbc:postgresql:, jdbc:oracle: or jdbc:h2:");
  }

  /** The dialect with this {@link #name()}. */
  static Dialect named(String name) {
    for (Dialect d : List.of(POSTGRESQL, ORACLE, H2)) {
      if (d.name().equalsIgnoreCase(name)) {
        return d;
      }
    }
    throw new SequelaException.UnsupportedDialect("unknown dialect '" + name + "': expected postgresql, oracle or h2");
  }
}

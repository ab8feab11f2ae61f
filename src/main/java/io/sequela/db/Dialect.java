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

  /** The JDBC driver's class, e.g. {@code org.postgresql.Driver}. */
  String driverClassName();

  /**
   * Loads the JDBC driver, which registers it with {@link java.sql.DriverManager}. The shaded
   * {@code sequela.jar} does not list the Oracle driver as a service: initialising it costs about 0.15 s of
   * every command's start-up. So code that reaches {@code DriverManager} for a dialect calls this first
   * ({@link Pools} does).
   *
   * @throws SequelaException when the driver is not on the class path
   */
  default void loadDriver() {
    try {
      Class.forName(driverClassName());
    } catch (ClassNotFoundException e) {
      throw new SequelaException("JDBC driver " + driverClassName() + " for " + name() + " is not on the class path", e);
    }
  }

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

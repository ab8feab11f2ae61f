package io.sequela.db;

import io.sequela.SequelaException;
import io.sequela.config.SequenceMode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Everything that differs between the databases sequela drives. One small class per database implements
 * this interface and the few it exposes ({@link SequenceSql}, {@link KeyTableSql}, {@link SequenceBlockSql},
 * {@link ProbeSql}, {@link BulkLoad}, {@link Ddl}, {@link ProjectionSql},
 * {@link SessionSql}); its DDL scripts are in {@code sql/<name>/} on the classpath.
 * No code outside this package asks which database it talks to: it calls these methods, and a capability a
 * database lacks is an empty {@link Optional} or a {@code supports...()} method.
 *
 * <p>Adding a database: one class implementing this interface, one line in {@link #ALL}, and its
 * {@code sql/<name>/} folder (docs/architecture.md, "Adding a database").
 */
public interface Dialect extends SequenceSql, KeyTableSql, SequenceBlockSql, ProbeSql, BulkLoad, Ddl, ProjectionSql,
    SessionSql {

  Dialect POSTGRESQL = new PostgresDialect();
  Dialect ORACLE = new OracleDialect();
  Dialect H2 = new H2Dialect();
  Dialect MARIADB = new MariaDbDialect();

  /** Every dialect, in the order error messages list them: a new database joins here. */
  List<Dialect> ALL = List.of(POSTGRESQL, ORACLE, H2, MARIADB);

  /** Lower-case name, also the folder under {@code sql/}: postgresql, oracle, h2, mariadb. */
  String name();

  /** The lower-case start of the JDBC URLs of this database, e.g. {@code jdbc:postgresql:}. */
  String jdbcUrlPrefix();

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
   * Driver properties of every connection: the connect timeout and, where the driver has one, the session's
   * application name (which the wait-event sampler follows). None by default.
   *
   * @param applicationName e.g. {@code sequela node-1}
   * @param connectTimeout how long opening a connection may take
   */
  default Properties driverProperties(String applicationName, Duration connectTimeout) {
    return new Properties();
  }

  /** True when the {@code sql/<name>/} scripts hold PL/SQL units that end at a {@code /} line ({@link SqlScripts}). */
  default boolean plsqlScripts() {
    return false;
  }

  /** SQL expression for the database's per-statement clock (SQL_DATE). */
  String statementClock();

  /** One sentence for reports: what the sequence CACHE means on this database. */
  String cacheSemantics();

  /**
   * Asks the driver to send a streamed query's rows in binary form where that is faster than text (pgjdbc);
   * nothing by default.
   *
   * @throws SQLException from the driver
   */
  default void preferBinaryRows(PreparedStatement ps) throws SQLException {
    // most drivers have no choice to make
  }

  /**
   * The error code of a failed statement as reports group it: the vendor code when the driver gives one
   * (MariaDB 1062 duplicate entry, 1213 deadlock or certification failure), else the SQLSTATE (PostgreSQL
   * 23505 unique violation; MariaDB's client-side errors, whose vendor code is -1, e.g. 08000 for a lost
   * connection), else {@code unknown}.
   */
  default String errorCode(SQLException e) {
    return vendorCodeOrSqlState(e);
  }

  /**
   * {@link #errorCode}'s default, for callers that do not know the database: a positive vendor code, else the
   * SQLSTATE (a code of 0 or -1 is a driver's "none": MariaDB Connector/J gives -1 to its client-side errors).
   */
  static String vendorCodeOrSqlState(SQLException e) {
    if (e.getErrorCode() > 0) {
      return Integer.toString(e.getErrorCode());
    }
    return e.getSQLState() == null || e.getSQLState().isBlank() ? "unknown" : e.getSQLState();
  }

  /**
   * The dialect named by a JDBC URL.
   *
   * @throws SequelaException.UnsupportedDialect for any other database
   */
  static Dialect fromJdbcUrl(String jdbcUrl) {
    String u = jdbcUrl.toLowerCase(Locale.ROOT);
    for (Dialect d : ALL) {
      if (u.startsWith(d.jdbcUrlPrefix())) {
        return d;
      }
    }
    throw new SequelaException.UnsupportedDialect("unsupported database in '" + Target.mask(jdbcUrl) + "': expected "
        + enumerate(ALL.stream().map(Dialect::jdbcUrlPrefix).toList(), "or"));
  }

  /**
   * The dialect with this {@link #name()} (any case).
   *
   * @throws SequelaException.UnsupportedDialect for any other name
   */
  static Dialect named(String name) {
    for (Dialect d : ALL) {
      if (d.name().equalsIgnoreCase(name)) {
        return d;
      }
    }
    throw new SequelaException.UnsupportedDialect("unknown dialect '" + name + "': expected "
        + enumerate(ALL.stream().map(Dialect::name).toList(), "or"));
  }

  /**
   * Names as a phrase for messages: {@code a, b or c} with {@code conjunction} "or", {@code a and b} with "and".
   */
  static String enumerate(List<String> names, String conjunction) {
    if (names.size() < 2) {
      return String.join("", names);
    }
    return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", "))
        + " " + conjunction + " " + names.get(names.size() - 1);
  }
}

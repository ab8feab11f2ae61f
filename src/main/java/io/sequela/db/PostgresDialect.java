package io.sequela.db;

import java.util.List;

/**
 * PostgreSQL: CACHE is per session (backend), the per-session analogue of RAC's per-instance cache.
 * ORDER is emulated by CACHE 1, one shared counter whose values follow call order.
 */
final class PostgresDialect implements Dialect {

  @Override
  public String driverClassName() {
    return "org.postgresql.Driver";
  }

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public List<String> switchSequence(String sequence, SequenceMode mode, int cache) {
    int n = mode == SequenceMode.ORDER ? 1 : cache;
    return List.of("ALTER SEQUENCE " + sequence + " CACHE " + n);
  }

  @Override
  public String statementClock() {
    return "clock_timestamp()";
  }

  @Override
  public String cacheSemantics() {
    return "PostgreSQL caches sequence values per session: under NOORDER (CACHE n) each connection hands out "
        + "its own block of n values, the per-session analogue of Oracle RAC's per-instance cache; ORDER is CACHE 1.";
  }

  @Override
  public String nextvalQuery(String sequence) {
    return "SELECT nextval('" + sequence + "')";
  }

  @Override
  public String toString() {
    return name();
  }
}

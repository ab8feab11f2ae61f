package io.sequela.db;

import java.util.List;

/**
 * Oracle (RAC): ORDER serialises values across instances through the SV enqueue; NOORDER lets each
 * instance cache its own range of CACHE n values.
 */
final class OracleDialect implements Dialect {

  @Override
  public String driverClassName() {
    return "oracle.jdbc.OracleDriver";
  }

  @Override
  public String name() {
    return "oracle";
  }

  @Override
  public List<String> switchSequence(String sequence, SequenceMode mode, int cache) {
    return mode == SequenceMode.ORDER
        ? List.of("ALTER SEQUENCE " + sequence + " CACHE " + cache + " ORDER")
        : List.of("ALTER SEQUENCE " + sequence + " CACHE " + cache + " NOORDER");
  }

  @Override
  public String statementClock() {
    return "SYSTIMESTAMP";
  }

  @Override
  public String cacheSemantics() {
    return "Oracle RAC: under NOORDER each instance caches its own range of CACHE n values; ORDER makes every "
        + "instance take values in call order through the global SV enqueue.";
  }

  @Override
  public String nextvalQuery(String sequence) {
    return "SELECT " + sequence + ".NEXTVAL FROM dual";
  }

  @Override
  public String toString() {
    return name();
  }
}

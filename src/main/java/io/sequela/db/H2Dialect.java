package io.sequela.db;

import java.util.List;

/**
 * H2: one synchronised in-memory counter per database; CACHE only sets how often it is persisted, so
 * values never interleave between sessions whatever the mode.
 */
final class H2Dialect implements Dialect {

  @Override
  public String driverClassName() {
    return "org.h2.Driver";
  }

  @Override
  public String name() {
    return "h2";
  }

  @Override
  public List<String> switchSequence(String sequence, SequenceMode mode, int cache) {
    int n = mode == SequenceMode.ORDER ? 1 : cache;
    return List.of("ALTER SEQUENCE " + sequence + " CACHE " + n);
  }

  @Override
  public String statementClock() {
    return "LOCALTIMESTAMP";
  }

  @Override
  public String cacheSemantics() {
    return "H2's sequence cache is global (one counter per database), so no interleaving is expected: "
        + "ORDER and NOORDER hand out the same order.";
  }

  @Override
  public String nextvalQuery(String sequence) {
    return "SELECT NEXT VALUE FOR " + sequence;
  }

  @Override
  public String toString() {
    return name();
  }
}

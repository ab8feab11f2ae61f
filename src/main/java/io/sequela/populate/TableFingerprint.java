package io.sequela.populate;

import java.util.List;

/**
 * Row count and column fingerprints of one table.
 *
 * @param table the table name
 * @param rows rows in the table
 * @param columns one fingerprint per column, in model order
 */
record TableFingerprint(String table, long rows, List<Fingerprint> columns) {

  public TableFingerprint {
    columns = List.copyOf(columns);
  }
}

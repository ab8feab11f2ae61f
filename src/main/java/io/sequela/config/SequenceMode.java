package io.sequela.config;

/**
 * How a sequence hands out values across nodes (Oracle RAC terms; see DESIGN.md for the PostgreSQL,
 * H2 and MariaDB Galera analogues).
 */
public enum SequenceMode {
  /** Values follow call order across all nodes: Oracle ORDER; PostgreSQL and H2 CACHE 1. */
  ORDER,
  /** Each node (Oracle instance, PostgreSQL session) caches its own range: Oracle NOORDER + CACHE n. */
  NOORDER,
  /**
   * No sequence: the id column's own AUTO_INCREMENT counter (MariaDB only; on Galera interleaved across nodes by
   * {@code wsrep_auto_increment_control}).
   */
  AUTO_INCREMENT
}

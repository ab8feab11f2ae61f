package io.sequela.gaps;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which database sessions inserted one node's rows in one test x mode (JOB_EXECUTION.DB_SESSION and
 * DB_INSTANCE, filled by the database).
 *
 * @param sessions distinct sessions (instance and session id) that inserted the rows: the node's users when no
 *     connection was lost, more when a connection was replaced
 * @param instances rows per instance, by instance name; empty where the database has one instance
 * @param misroutedRows rows whose instance is not the node's most frequent one: a service that load-balances or
 *     fails over across instances; 0 on one instance
 */
public record NodeSessions(long sessions, Map<String, Long> instances, long misroutedRows) {

  public NodeSessions {
    instances = Collections.unmodifiableMap(new TreeMap<>(instances));
  }

  /**
   * The figures from a node's rows counted per instance.
   *
   * @param rowsByInstance rows per instance (the key null for rows without an instance)
   * @param sessionsByInstance distinct sessions per instance, same keys
   */
  static NodeSessions of(Map<String, Long> rowsByInstance, Map<String, Long> sessionsByInstance) {
    long rows = rowsByInstance.values().stream().mapToLong(Long::longValue).sum();
    long top = rowsByInstance.values().stream().mapToLong(Long::longValue).max().orElse(0);
    Map<String, Long> named = new TreeMap<>();
    rowsByInstance.forEach((k, v) -> {
      if (k != null) {
        named.put(k, v);
      }
    });
    return new NodeSessions(sessionsByInstance.values().stream().mapToLong(Long::longValue).sum(), named, rows - top);
  }
}

package io.sequela.gaps;

import io.sequela.config.SequenceMode;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * Failed inserts (KOs) per error code, per test x mode x node ({@code ko_by_code} in sequence-gaps.json):
 * the SQLSTATE or vendor code of each KO's message. Requests are named as {@link Latencies#REQUEST_NAME};
 * others (a commit's own request) are ignored. Filled by the caller from this run's simulation.log; the pages
 * only read it.
 */
public final class KoCodes {

  private record Key(String test, SequenceMode mode, int node) {}

  private final Map<Key, Map<String, Long>> counts = new HashMap<>();

  /**
   * Counts one KO.
   *
   * @param requestName the request's name; ignored unless it is an insert's
   * @param code its error code, e.g. {@code 23505} or {@code ORA-00001}
   */
  public void record(String requestName, String code) {
    Matcher m = Latencies.REQUEST_NAME.matcher(requestName);
    if (m.matches()) {
      Key k = new Key(m.group(1), SequenceMode.valueOf(m.group(2)), Integer.parseInt(m.group(3)));
      counts.computeIfAbsent(k, x -> new TreeMap<>()).merge(code, 1L, Long::sum);
    }
  }

  /** One node's KOs by code, in code order; empty when it had none. */
  public Map<String, Long> node(String test, SequenceMode mode, int node) {
    return Map.copyOf(counts.getOrDefault(new Key(test, mode, node), Map.of()));
  }

  /** All nodes' KOs of a test x mode by code, in code order; empty when none. */
  public Map<String, Long> mode(String test, SequenceMode mode) {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> {
      if (k.test().equals(test) && k.mode() == mode) {
        v.forEach((code, n) -> out.merge(code, n, Long::sum));
      }
    });
    return out;
  }
}

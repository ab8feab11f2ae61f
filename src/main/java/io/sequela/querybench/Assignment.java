package io.sequela.querybench;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * How QueryBench hands hosts to workers {@code 1..N}. Every assignment keeps host affinity (all queries of
 * a host go to one worker) and depends only on the hosts, their query counts and N: the same on every run
 * and for any CSV order.
 *
 * <ul>
 *   <li>{@link #RENDEZVOUS}: {@link RendezvousHash} alone. Adding a worker moves only the hosts it now wins,
 *       but the host counts per worker are left to chance: 10 hosts on 5 workers fall 3-3-3-1-0.
 *   <li>{@link #BALANCED}: hosts in name order, each to the worker with the highest rendezvous weight among
 *       the workers holding the fewest hosts at that moment. Host counts differ by at most one, so no worker
 *       is idle when hosts &gt;= workers.
 *   <li>{@link #BALANCED_QUERIES}: hosts by descending query count (ties by name), each to the worker with the
 *       highest rendezvous weight among those holding the fewest queries at that moment (longest processing
 *       time first, Graham 1969), for CSVs where a few hosts carry most queries.
 * </ul>
 */
enum Assignment {
  RENDEZVOUS("rendezvous"),
  BALANCED("balanced"),
  BALANCED_QUERIES("balanced-queries");

  private final String id;

  Assignment(String id) {
    this.id = id;
  }

  /** The setting's value, e.g. {@code balanced-queries}. */
  public String id() {
    return id;
  }

  /**
   * The assignment named by a setting's value.
   *
   * @param value e.g. {@code balanced}; case and surrounding blanks ignored
   * @throws IllegalArgumentException naming the accepted values, e.g.
   *     {@code must be rendezvous, balanced or balanced-queries, got 'even'}
   */
  public static Assignment parse(String value) {
    String v = value == null ? "" : value.strip();
    return Arrays.stream(values()).filter(a -> a.id.equalsIgnoreCase(v)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("must be rendezvous, balanced or balanced-queries, got '" + v + "'"));
  }

  /**
   * Assigns every host to one worker.
   *
   * @param queriesByHost each distinct host and its number of queries (at least 1 each)
   * @param workers how many workers, at least 1
   * @return worker id (1..N, every id present, possibly with no hosts) to its hosts in name order
   * @throws IllegalArgumentException when {@code workers < 1}
   */
  public Map<Integer, List<String>> assign(Map<String, Long> queriesByHost, int workers) {
    RendezvousHash hash = new RendezvousHash(workers);
    return switch (this) {
      case RENDEZVOUS -> hash.assign(queriesByHost.keySet());
      case BALANCED -> leastLoaded(queriesByHost.keySet().stream().sorted().toList(), h -> 1L, workers);
      case BALANCED_QUERIES -> leastLoaded(queriesByHost.keySet().stream()
              .sorted(Comparator.comparing((String h) -> queriesByHost.get(h)).reversed().thenComparing(h -> h))
              .toList(), queriesByHost::get, workers);
    };
  }

  /** Hosts in the given order, each to the least-loaded worker with the highest rendezvous weight. */
  private static Map<Integer, List<String>> leastLoaded(
      List<String> hosts, ToLongFunction<String> load, int workers) {
    long[] loads = new long[workers + 1];
    Map<String, Integer> owner = new TreeMap<>();
    for (String host : hosts) {
      int best = 0;
      long bestWeight = 0;
      for (int w = 1; w <= workers; w++) {
        long weight = RendezvousHash.weight(w, host);
        if (best == 0 || loads[w] < loads[best]
            || (loads[w] == loads[best] && Long.compareUnsigned(weight, bestWeight) > 0)) {
          best = w;
          bestWeight = weight;
        }
      }
      loads[best] += load.applyAsLong(host);
      owner.put(host, best);
    }
    Map<Integer, List<String>> out = new TreeMap<>();
    for (int w = 1; w <= workers; w++) {
      int worker = w;
      out.put(w, owner.entrySet().stream().filter(e -> e.getValue() == worker).map(Map.Entry::getKey)
          .collect(Collectors.toUnmodifiableList()));
    }
    return Collections.unmodifiableMap(out);
  }
}

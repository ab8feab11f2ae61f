package io.sequela.querybench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The benchmark's queries split into one queue per worker by an {@link Assignment} of the host names:
 * all queries of a host go to one worker, each queue keeps file order. Immutable.
 *
 * @param assignment how hosts were handed to workers
 * @param queues worker id (1..N, every id present) to its queries in file order
 * @param hosts worker id (1..N, every id present) to its distinct hosts in name order
 */
public record WorkerQueues(Assignment assignment, Map<Integer, List<QueryParams>> queues,
    Map<Integer, List<String>> hosts) {

  /**
   * Splits queries over {@code workers} workers by rendezvous hashing.
   *
   * @param queries the queries in file order
   * @param workers at least 1
   */
  public static WorkerQueues split(List<QueryParams> queries, int workers) {
    return split(queries, workers, Assignment.RENDEZVOUS);
  }

  /**
   * Splits queries over {@code workers} workers.
   *
   * @param queries the queries in file order
   * @param workers at least 1
   * @param assignment how hosts go to workers
   * @throws IllegalArgumentException when {@code workers < 1}
   */
  public static WorkerQueues split(List<QueryParams> queries, int workers, Assignment assignment) {
    Map<String, Long> queriesByHost = queries.stream()
        .collect(Collectors.groupingBy(QueryParams::hostname, TreeMap::new, Collectors.counting()));
    Map<Integer, List<String>> hosts = assignment.assign(queriesByHost, workers);
    Map<String, Integer> owner = owners(hosts);
    Map<Integer, List<QueryParams>> queues = new TreeMap<>();
    for (int w = 1; w <= workers; w++) {
      queues.put(w, new ArrayList<>());
    }
    for (QueryParams q : queries) {
      queues.get(owner.get(q.hostname())).add(q);
    }
    Map<Integer, List<QueryParams>> frozen = new TreeMap<>();
    queues.forEach((w, q) -> frozen.put(w, List.copyOf(q)));
    return new WorkerQueues(assignment, Collections.unmodifiableMap(frozen), hosts);
  }

  private static Map<String, Integer> owners(Map<Integer, List<String>> hosts) {
    Map<String, Integer> owner = new HashMap<>();
    hosts.forEach((w, hs) -> hs.forEach(h -> owner.put(h, w)));
    return owner;
  }

  /** How many workers. */
  public int workers() {
    return queues.size();
  }

  /** The queue of worker {@code worker} (1..N). */
  public List<QueryParams> queue(int worker) {
    return queues.get(worker);
  }

  /**
   * The worker (1..N) that runs {@code host}'s queries.
   *
   * @throws IllegalArgumentException for a host that is in no query
   */
  public int workerFor(String host) {
    for (Map.Entry<Integer, List<String>> e : hosts.entrySet()) {
      if (Collections.binarySearch(e.getValue(), host) >= 0) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException("no query names host '" + host + "'");
  }
}

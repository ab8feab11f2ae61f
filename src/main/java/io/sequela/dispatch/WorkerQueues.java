package io.sequela.dispatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark's queries split into one queue per worker by {@link RendezvousHash} on the host name:
 * all queries of a host go to one worker, each queue keeps file order. Immutable.
 *
 * @param queues worker id (1..N, every id present) to its queries in file order
 * @param hosts worker id (1..N, every id present) to its distinct hosts in name order
 */
public record WorkerQueues(Map<Integer, List<QueryParams>> queues, Map<Integer, List<String>> hosts) {

  /**
   * Splits queries over {@code workers} workers.
   *
   * @param queries the queries in file order
   * @param workers at least 1
   */
  public static WorkerQueues split(List<QueryParams> queries, int workers) {
    RendezvousHash hash = new RendezvousHash(workers);
    Map<Integer, List<QueryParams>> queues = new TreeMap<>();
    for (int w = 1; w <= workers; w++) {
      queues.put(w, new ArrayList<>());
    }
    for (QueryParams q : queries) {
      queues.get(hash.workerFor(q.hostname())).add(q);
    }
    Map<Integer, List<QueryParams>> frozen = new TreeMap<>();
    queues.forEach((w, q) -> frozen.put(w, List.copyOf(q)));
    return new WorkerQueues(Collections.unmodifiableMap(frozen), hash.assign(queries.stream().map(QueryParams::hostname).toList()));
  }

  /** How many workers. */
  public int workers() {
    return queues.size();
  }

  /** The queue of worker {@code worker} (1..N). */
  public List<QueryParams> queue(int worker) {
    return queues.get(worker);
  }
}

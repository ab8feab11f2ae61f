package io.sequela.stats;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The query benchmark's result: counts and query times in ms (µs precision). p95 and p99 are
 * {@link Percentiles} of the query times in µs (nearest rank, exact up to 262 ms, within 10^-5 above);
 * the median is the task's own definition, the mean of the two middle values for an even count
 * ({@link #median}). Minimum, maximum, mean and median are exact.
 *
 * @param assignment how hosts were handed to workers, e.g. {@code rendezvous}
 * @param workersRequested workers the run was asked for
 * @param workersBusy workers with at least one host
 * @param queries queries that returned (and were timed)
 * @param errors queries that failed; counted, not fatal, not in the times
 * @param rowsReturned rows returned by all queries together
 * @param totalMs total processing time: the sum of all query times, ms
 * @param wallMs wall-clock time of the run: from the first query's start to the last query's end, ms
 * @param imbalance the busiest worker's busy time over the mean busy time of all requested workers (idle
 *     ones count as 0): 1 when every worker is equally busy, N when one worker of N does everything
 * @param minMs fastest query, ms
 * @param medianMs median query time, ms
 * @param avgMs mean query time, ms
 * @param maxMs slowest query, ms
 * @param p95Ms 95th percentile query time, ms
 * @param p99Ms 99th percentile query time, ms
 * @param workers one entry per worker, in id order
 */
public record QueryStats(
    @JsonProperty("assignment") String assignment,
    @JsonProperty("workers_requested") int workersRequested,
    @JsonProperty("workers_busy") int workersBusy,
    @JsonProperty("queries") long queries,
    @JsonProperty("errors") long errors,
    @JsonProperty("rows_returned") long rowsReturned,
    @JsonProperty("total_ms") double totalMs,
    @JsonProperty("wall_ms") double wallMs,
    @JsonProperty("imbalance") double imbalance,
    @JsonProperty("min_ms") double minMs,
    @JsonProperty("median_ms") double medianMs,
    @JsonProperty("avg_ms") double avgMs,
    @JsonProperty("max_ms") double maxMs,
    @JsonProperty("p95_ms") double p95Ms,
    @JsonProperty("p99_ms") double p99Ms,
    @JsonProperty("workers") List<WorkerStats> workers) {

  /**
   * One worker's share.
   *
   * @param worker the worker id, 1..N
   * @param queries queries it ran
   * @param busyMs the sum of its query times, ms
   * @param hosts the hosts assigned to it, in name order
   */
  public record WorkerStats(
      @JsonProperty("worker") int worker,
      @JsonProperty("queries") long queries,
      @JsonProperty("busy_ms") double busyMs,
      @JsonProperty("hosts") List<String> hosts) {}

  /**
   * Computes the statistics; {@code samples} is not changed.
   *
   * @param samples the timed queries, at least one
   * @param hostsByWorker worker id (1..N) to its hosts; every worker listed here gets an entry, idle or not
   * @param assignment how hosts were handed to workers, e.g. {@code balanced}
   * @param errors queries that failed
   * @throws IllegalArgumentException when there are no samples
   */
  public static QueryStats of(List<QuerySample> samples, Map<Integer, List<String>> hostsByWorker, String assignment,
      long errors) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no queries were timed");
    }
    long[] sorted = samples.stream().mapToLong(QuerySample::durationNanos).toArray();
    Arrays.sort(sorted);
    Histogram micros = Percentiles.histogramOf(Arrays.stream(sorted).map(ns -> Math.round(ns / 1_000.0)).toArray());
    long total = 0;
    long rows = 0;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (QuerySample s : samples) {
      total += s.durationNanos();
      rows += s.rows();
      first = Math.min(first, s.startNanos());
      last = Math.max(last, s.startNanos() + s.durationNanos());
    }
    int busyWorkers = (int) hostsByWorker.values().stream().filter(h -> !h.isEmpty()).count();
    return new QueryStats(assignment, hostsByWorker.size(), busyWorkers, samples.size(), errors, rows, ms(total),
        ms(last - first), imbalance(samples, hostsByWorker.size(), total), ms(sorted[0]),
        ms(median(sorted)), ms((double) total / samples.size()), ms(sorted[sorted.length - 1]),
        Percentiles.valueAt(micros, 95) / 1_000.0, Percentiles.valueAt(micros, 99) / 1_000.0,
        workerStats(samples, hostsByWorker));
  }

  /** Busiest worker's ns over total ns / workers, to 3 decimals; 1 when no time was measured. */
  private static double imbalance(List<QuerySample> samples, int workers, long totalNanos) {
    Map<Integer, Long> busy = new TreeMap<>();
    samples.forEach(s -> busy.merge(s.worker(), s.durationNanos(), Long::sum));
    long busiest = busy.values().stream().mapToLong(Long::longValue).max().orElse(0);
    if (totalNanos <= 0) {
      return 1.0;
    }
    return Math.round(busiest * (double) Math.max(workers, 1) / totalNanos * 1000) / 1000.0;
  }

  /**
   * The median as the query benchmark's task defines it: the middle value for an odd count, the mean of
   * the two middle values for an even count (so {1, 2, 3, 10} gives 2.5). Not a {@link Percentiles}
   * percentile, which would give the lower middle value.
   *
   * @param sorted ascending values, at least one
   */
  static double median(long[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double) sorted[n / 2]) / 2;
  }

  private static List<WorkerStats> workerStats(List<QuerySample> samples, Map<Integer, List<String>> hostsByWorker) {
    List<WorkerStats> out = new ArrayList<>();
    for (Map.Entry<Integer, List<String>> e : new TreeMap<>(hostsByWorker).entrySet()) {
      int w = e.getKey();
      long n = samples.stream().filter(s -> s.worker() == w).count();
      long busy = samples.stream().filter(s -> s.worker() == w).mapToLong(QuerySample::durationNanos).sum();
      out.add(new WorkerStats(w, n, ms(busy), e.getValue()));
    }
    return List.copyOf(out);
  }

  /** ns to ms, rounded to the µs. */
  static double ms(double nanos) {
    return Math.round(nanos / 1_000.0) / 1_000.0;
  }
}

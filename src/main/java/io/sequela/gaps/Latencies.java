package io.sequela.gaps;

import io.sequela.config.SequenceMode;
import io.sequela.stats.LatencySummary;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Response times per test x mode x node, as the load generator measured them. Requests are named
 * {@code "<test_name> <ORDER|NOORDER|AUTO_INCREMENT> node <n>"}; other requests are ignored. Only OK requests
 * are recorded; KO requests are counted, per error code. Filled by whoever reads the requests (SeqOrderRun,
 * from this run's simulation.log, where each KO message carries its code); the pages only read it.
 */
public final class Latencies {

  /** A request name the simulation gives an insert: test name, mode, node number. */
  public static final Pattern REQUEST_NAME = Pattern.compile("^(.+) (ORDER|NOORDER|AUTO_INCREMENT) node (\\d+)$");
  /** The code of a KO that carries none. */
  public static final String UNKNOWN_CODE = "unknown";
  private static final long HIGHEST_MS = 3_600_000;

  private final Map<Key, Histogram> ok = new HashMap<>();
  private final Map<Key, Long> ko = new HashMap<>();
  private final Map<Key, Map<String, Long>> koCodes = new HashMap<>();

  private record Key(String test, SequenceMode mode, int node) {}

  /** An empty set, to be filled by {@link #record} (the simulation feeds it this run's requests). */
  public Latencies() {}

  /** No latencies: pages show the database figures only. */
  public static Latencies none() {
    return new Latencies();
  }

  /**
   * Records one request.
   *
   * @param requestName the request's name; ignored unless it matches {@link #REQUEST_NAME}
   * @param millis its response time in ms (negative values count as 0)
   * @param okStatus false for a KO, which is counted but not recorded
   */
  public void record(String requestName, long millis, boolean okStatus) {
    record(requestName, millis, okStatus, null);
  }

  /**
   * Records one request with its KO's error code.
   *
   * @param requestName the request's name; ignored unless it matches {@link #REQUEST_NAME}
   * @param millis its response time in ms (negative values count as 0)
   * @param okStatus false for a KO, which is counted under its code but not recorded
   * @param koCode the KO's error code (vendor code or SQLSTATE, e.g. 1062, 23505); ignored for OK; null counts
   *     as {@value #UNKNOWN_CODE}
   */
  public void record(String requestName, long millis, boolean okStatus, String koCode) {
    Matcher m = REQUEST_NAME.matcher(requestName);
    if (!m.matches()) {
      return;
    }
    Key k = new Key(m.group(1), SequenceMode.valueOf(m.group(2)), Integer.parseInt(m.group(3)));
    if (okStatus) {
      ok.computeIfAbsent(k, x -> new Histogram(HIGHEST_MS, 3)).recordValue(Math.min(HIGHEST_MS, Math.max(0, millis)));
    } else {
      ko.merge(k, 1L, Long::sum);
      koCodes.computeIfAbsent(k, x -> new TreeMap<>()).merge(koCode == null ? UNKNOWN_CODE : koCode, 1L, Long::sum);
    }
  }

  /** One node's OK response times, empty when none were recorded. */
  public Optional<LatencySummary> node(String test, SequenceMode mode, int node) {
    return Optional.ofNullable(ok.get(new Key(test, mode, node))).map(LatencySummary::of);
  }

  /** All nodes' OK response times of a test x mode together, empty when none were recorded. */
  public Optional<LatencySummary> mode(String test, SequenceMode mode) {
    Histogram all = new Histogram(HIGHEST_MS, 3);
    ok.forEach((k, h) -> {
      if (k.test().equals(test) && k.mode() == mode) {
        all.add(h);
      }
    });
    return all.getTotalCount() == 0 ? Optional.empty() : Optional.of(LatencySummary.of(all));
  }

  /** KO requests of a test x mode, all nodes, per error code (codes in order); empty without KOs. */
  public SortedMap<String, Long> koByCode(String test, SequenceMode mode) {
    SortedMap<String, Long> out = new TreeMap<>();
    koCodes.forEach((k, codes) -> {
      if (k.test().equals(test) && k.mode() == mode) {
        codes.forEach((code, n) -> out.merge(code, n, Long::sum));
      }
    });
    return out;
  }

  /** KO requests of one node in a test x mode, per error code (codes in order); empty without KOs. */
  public SortedMap<String, Long> koByCode(String test, SequenceMode mode, int node) {
    return new TreeMap<>(koCodes.getOrDefault(new Key(test, mode, node), Map.of()));
  }

  /** KO requests of a test x mode per node (nodes in order) and error code; nodes without KOs are absent. */
  public SortedMap<Integer, SortedMap<String, Long>> koByNodeAndCode(String test, SequenceMode mode) {
    SortedMap<Integer, SortedMap<String, Long>> out = new TreeMap<>();
    koCodes.forEach((k, codes) -> {
      if (k.test().equals(test) && k.mode() == mode) {
        out.put(k.node(), new TreeMap<>(codes));
      }
    });
    return out;
  }

  /** KO requests of a test x mode, all nodes. */
  public long koCount(String test, SequenceMode mode) {
    return ko.entrySet().stream().filter(e -> e.getKey().test().equals(test) && e.getKey().mode() == mode)
        .mapToLong(Map.Entry::getValue).sum();
  }
}

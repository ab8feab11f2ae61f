package io.sequela.querybench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rendezvous (highest random weight) hashing of host names onto workers {@code 1..N}.
 *
 * <p>The weight of worker {@code w} for host {@code h} is the first 8 bytes, read as an unsigned
 * big-endian long, of SHA-256 over the UTF-8 bytes of {@code "<w>:<h>"}; the worker with the highest
 * weight wins, the lower id on a tie. So the winner depends only on (host, N): the same on every run
 * and in any input order, and when N grows to N+1 a host moves only if worker N+1 now wins it
 * (about 1/(N+1) of the hosts). Immutable and thread-safe.
 */
final class RendezvousHash {

  private final int workers;

  /**
   * @param workers how many workers, at least 1
   * @throws IllegalArgumentException when {@code workers < 1}
   */
  public RendezvousHash(int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, got " + workers);
    }
    this.workers = workers;
  }

  /** How many workers (ids 1..N). */
  public int workers() {
    return workers;
  }

  /** The worker id (1..N) that owns {@code host}. */
  public int workerFor(String host) {
    int best = 1;
    long bestWeight = weight(1, host);
    for (int w = 2; w <= workers; w++) {
      long weight = weight(w, host);
      if (Long.compareUnsigned(weight, bestWeight) > 0) {
        best = w;
        bestWeight = weight;
      }
    }
    return best;
  }

  /**
   * Every distinct host assigned to its worker.
   *
   * @return worker id (1..N, every id present, possibly with no hosts) to its hosts in name order
   */
  public Map<Integer, List<String>> assign(Collection<String> hosts) {
    Map<Integer, TreeSet<String>> sets = new TreeMap<>();
    for (int w = 1; w <= workers; w++) {
      sets.put(w, new TreeSet<>());
    }
    for (String h : hosts) {
      sets.get(workerFor(h)).add(h);
    }
    Map<Integer, List<String>> out = new TreeMap<>();
    sets.forEach((w, s) -> out.put(w, List.copyOf(new ArrayList<>(s))));
    return Collections.unmodifiableMap(out);
  }

  /** Weight of worker {@code worker} for {@code host}: see the class comment. */
  static long weight(int worker, String host) {
    byte[] digest = sha256().digest((worker + ":" + host).getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}

package io.sequela.keys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Draws keys from allocators on many threads into one compact long[] and checks it. */
final class KeyDraws {

  private KeyDraws() {}

  /**
   * Draws {@code total} keys with {@code threadsEach} threads on every allocator at once.
   *
   * @return the keys, sorted
   */
  static long[] drawSorted(List<SequenceBlockAllocator> allocators, int threadsEach, int total) throws Exception {
    long[] keys = new long[total];
    int threads = allocators.size() * threadsEach;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        SequenceBlockAllocator a = allocators.get(t % allocators.size());
        int from = (int) ((long) total * t / threads);
        int to = (int) ((long) total * (t + 1) / threads);
        done.add(pool.submit(() -> {
          for (int i = from; i < to; i++) {
            keys[i] = a.next();
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    Arrays.sort(keys);
    return keys;
  }

  /** Asserts that a sorted array holds no value twice, naming the first duplicate. */
  static void assertDistinct(long[] sorted) {
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        throw new AssertionError("key " + sorted[i] + " handed out twice");
      }
    }
  }
}

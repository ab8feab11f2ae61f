package io.sequela.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SnowflakeTest {

  @Test
  void bitLayoutIs41BitsOfMillisThen10BitsOfWorkerThen12BitsOfSequence() {
    long now = Snowflake.TWITTER_EPOCH_MS + 123_456_789L;
    Snowflake g = new Snowflake(517, Snowflake.TWITTER_EPOCH_MS, () -> now);
    long first = g.next();
    long second = g.next();
    assertThat(first).isEqualTo(123_456_789L << 22 | 517L << 12);
    assertThat(Snowflake.millisOf(second)).isEqualTo(123_456_789L);
    assertThat(Snowflake.workerOf(second)).isEqualTo(517);
    assertThat(Snowflake.sequenceOf(second)).isEqualTo(1);
    assertThat(first).isPositive();
  }

  @Test
  void after4096IdsInOneMillisecondItWaitsForTheNextMillisecond() {
    long ms = Snowflake.TWITTER_EPOCH_MS + 1000;
    AtomicLong reads = new AtomicLong();
    Snowflake g = new Snowflake(1, Snowflake.TWITTER_EPOCH_MS, () -> reads.incrementAndGet() > 4100 ? ms + 1 : ms);
    long last = 0;
    for (int i = 0; i < 4096; i++) {
      last = g.next();
    }
    assertThat(Snowflake.sequenceOf(last)).isEqualTo(4095);
    long next = g.next();
    assertThat(Snowflake.millisOf(next)).isEqualTo(1001);
    assertThat(Snowflake.sequenceOf(next)).isZero();
  }

  @Test
  void refusesWhileTheClockIsBehindTheLastIdThenResumes() {
    AtomicLong clock = new AtomicLong(Snowflake.TWITTER_EPOCH_MS + 5000);
    Snowflake g = new Snowflake(3, Snowflake.TWITTER_EPOCH_MS, clock::get);
    long before = g.next();
    clock.set(Snowflake.TWITTER_EPOCH_MS + 4990);
    assertThatThrownBy(g::next).isInstanceOf(Snowflake.ClockMovedBackwards.class).hasMessageContaining("10 ms");
    clock.set(Snowflake.TWITTER_EPOCH_MS + 5001);
    assertThat(g.next()).isGreaterThan(before);
  }

  @Test
  void workerIdMustFitTenBits() {
    assertThatThrownBy(() -> new Snowflake(1024)).isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("snowflake worker: must be 0..1023, got 1024");
  }

  @Test
  void oneGeneratorSharedBy8ThreadsGivesUniqueIdsIncreasingPerThread() throws Exception {
    Snowflake g = new Snowflake(7);
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(pool.submit(() -> {
          long previous = -1;
          boolean increasing = true;
          for (int i = 0; i < 20_000; i++) {
            long id = g.next();
            increasing &= id > previous;
            previous = id;
            seen.add(id);
          }
          return increasing;
        }));
      }
      for (Future<Boolean> f : done) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(seen).hasSize(8 * 20_000);
  }
}

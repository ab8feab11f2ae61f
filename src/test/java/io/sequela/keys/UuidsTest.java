package io.sequela.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UuidsTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 4, 7})
  void versionAndRfcVariantBits(int version) {
    UUID u = Uuids.generator(version).get();
    assertThat(u.version()).isEqualTo(version);
    assertThat(u.variant()).as("RFC 9562 variant 10x").isEqualTo(2);
    assertThat((u.getMostSignificantBits() >>> 12) & 0xF).isEqualTo(version);
    assertThat(u.getLeastSignificantBits() >>> 62).isEqualTo(2);
  }

  @Test
  void uuid7IsMonotonicWithinOneGeneratorAndStartsWithUnixMillis() {
    Supplier<UUID> g = Uuids.generator(7);
    long t0 = System.currentTimeMillis();
    UUID previous = g.get();
    for (int i = 0; i < 100_000; i++) {
      UUID next = g.get();
      assertThat(compareUnsigned(next, previous)).as("value %d", i).isPositive();
      previous = next;
    }
    long millis = previous.getMostSignificantBits() >>> 16;
    assertThat(millis).isBetween(t0, System.currentTimeMillis());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4, 7})
  void oneGeneratorSharedBy8ThreadsGivesUniqueValues(int version) throws Exception {
    Supplier<UUID> g = Uuids.generator(version);
    Set<UUID> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < 20_000; i++) {
            seen.add(g.get());
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(seen).hasSize(8 * 20_000);
  }

  @Test
  void bytesAndHexAreTheValueMostSignificantFirst() {
    UUID u = UUID.fromString("01234567-89ab-7def-8123-456789abcdef");
    assertThat(Uuids.toHex(u)).isEqualTo("0123456789ab7def8123456789abcdef");
    assertThat(Uuids.toBytes(u)[0]).isEqualTo((byte) 0x01);
    assertThat(Uuids.toBytes(u)[15]).isEqualTo((byte) 0xef);
  }

  @Test
  void otherVersionsAreRefused() {
    assertThatThrownBy(() -> Uuids.generator(5)).isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("uuid version: must be 1, 4 or 7, got 5");
  }

  /** Unsigned byte order, as PostgreSQL compares uuid values (java.util.UUID.compareTo is signed). */
  private static int compareUnsigned(UUID a, UUID b) {
    int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}

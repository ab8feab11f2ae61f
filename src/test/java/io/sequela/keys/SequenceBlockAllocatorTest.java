package io.sequela.keys;

import static io.sequela.keys.KeyDraws.assertDistinct;
import static io.sequela.keys.KeyDraws.drawSorted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.db.Pools;
import io.sequela.db.Target;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The allocator on the embedded PostgreSQL; each pool stands in for one process. */
class SequenceBlockAllocatorTest {

  private static Target target;
  private static HikariDataSource pool;

  @BeforeAll
  static void createTable() throws Exception {
    target = Target.parse("embedded", null, null).resolve();
    pool = Pools.open(target, "alloc-test", 2);
    try (Connection c = pool.getConnection()) {
      SequenceBlockTable.create(c, Dialect.POSTGRESQL);
      SequenceBlockTable.create(c, Dialect.POSTGRESQL);
    }
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  @Test
  void threeProcessesOfEightThreadsDrawAMillionDistinctKeysFromTheTablesBlocks() throws Exception {
    insertSequence("million", 1);
    List<long[]> blocks = new CopyOnWriteArrayList<>();
    SequenceBlockOptions options = SequenceBlockOptions.of("million").withBlockSize(1000)
        .withBlockListener((first, end) -> blocks.add(new long[] {first, end}));
    // one process per way of getting the next block: prefetch at 80%, at once, and none (threads wait)
    List<SequenceBlockOptions> perProcess = List.of(options, options.withPrefetchAt(0), options.withoutPrefetch());
    List<HikariDataSource> pools = new ArrayList<>();
    List<SequenceBlockAllocator> allocators = new ArrayList<>();
    long[] keys;
    try {
      for (int p = 0; p < 3; p++) {
        pools.add(Pools.open(target, "process-" + p, 2));
        allocators.add(SequenceBlockAllocator.open(pools.get(p), Dialect.POSTGRESQL, perProcess.get(p)));
      }
      keys = drawSorted(allocators, 8, 1_000_000);
      allocators.forEach(SequenceBlockAllocator::close);
    } finally {
      pools.forEach(HikariDataSource::close);
    }

    assertDistinct(keys);
    blocks.sort(Comparator.comparingLong(b -> b[0]));
    assertThat(blocks.get(0)[0]).isEqualTo(1);
    for (int i = 1; i < blocks.size(); i++) {
      assertThat(blocks.get(i)[0]).as("block %d starts where block %d ends", i, i - 1).isEqualTo(blocks.get(i - 1)[1]);
    }
    assertEveryKeyInABlock(keys, blocks);
    long end = blocks.get(blocks.size() - 1)[1];
    assertThat(nextValue("million")).isEqualTo(end);
    assertThat(allocators.stream().mapToLong(a -> a.stats().keysIssued()).sum()).isEqualTo(1_000_000);
    assertThat(allocators.stream().mapToLong(a -> a.stats().keysFetched()).sum()).isEqualTo(end - 1);
    for (SequenceBlockAllocator a : allocators) {
      SequenceBlockStats s = a.stats();
      assertThat(s.keysHeld()).isZero();
      assertThat(s.keysIssued() + s.keysWasted()).isEqualTo(s.keysFetched());
    }
  }

  @Test
  void aCrashedAllocatorsKeysAreNeverReissued() throws Exception {
    insertSequence("crash", 1);
    SequenceBlockOptions options = SequenceBlockOptions.of("crash").withBlockSize(100);
    long[] before;
    SequenceBlockStats atCrash;
    try (HikariDataSource doomed = Pools.open(target, "doomed", 2)) {
      SequenceBlockAllocator crashed = SequenceBlockAllocator.open(doomed, Dialect.POSTGRESQL, options);
      before = drawSorted(List.of(crashed), 1, 150);
      atCrash = crashed.stats();
      // no close(): the pool goes away with the allocator's blocks, as in a killed process
    }
    long tableEnd = nextValue("crash");
    assertThat(atCrash.keysHeld()).isEqualTo(tableEnd - 1 - 150);

    long[] after;
    try (SequenceBlockAllocator fresh = SequenceBlockAllocator.open(pool, Dialect.POSTGRESQL, options)) {
      after = drawSorted(List.of(fresh), 4, 400);
    }
    assertThat(after[0]).isEqualTo(tableEnd);
    long[] all = concat(before, after);
    Arrays.sort(all);
    assertDistinct(all);
  }

  @Test
  void blockSizeOneCostsOneReservationPerKey() throws Exception {
    insertSequence("single", 1);
    SequenceBlockOptions options = SequenceBlockOptions.of("single").withBlockSize(1).withoutPrefetch();
    long[] keys;
    SequenceBlockStats stats;
    try (SequenceBlockAllocator a = SequenceBlockAllocator.open(pool, Dialect.POSTGRESQL, options)) {
      keys = drawSorted(List.of(a), 2, 50);
      stats = a.stats();
    }
    assertThat(keys).containsExactly(LongStream.rangeClosed(1, 50).toArray());
    assertThat(stats.blocksFetched()).isEqualTo(50);
    assertThat(stats.keysIssued()).isEqualTo(50);
    assertThat(stats.keysHeld()).isZero();
    assertThat(nextValue("single")).isEqualTo(51);
  }

  @Test
  void blockSizeOneWithPrefetchWastesAtMostTheOnePrefetchedKey() throws Exception {
    insertSequence("single_prefetch", 1);
    SequenceBlockAllocator a = SequenceBlockAllocator.open(pool, Dialect.POSTGRESQL,
        SequenceBlockOptions.of("single_prefetch").withBlockSize(1));
    long[] keys = drawSorted(List.of(a), 2, 50);
    a.close();
    assertDistinct(keys);
    SequenceBlockStats s = a.stats();
    assertThat(s.keysIssued()).isEqualTo(50);
    assertThat(s.keysWasted()).isBetween(0L, 1L);
    assertThat(s.keysFetched()).isEqualTo(50 + s.keysWasted()).isEqualTo(nextValue("single_prefetch") - 1);
  }

  @Test
  void closeCountsTheRestOfTheBlocksAsWastedAndStopsHandingOutKeys() throws Exception {
    insertSequence("closing", 1000);
    SequenceBlockAllocator a = SequenceBlockAllocator.open(pool, Dialect.POSTGRESQL,
        SequenceBlockOptions.of("closing").withBlockSize(10).withoutPrefetch());
    assertThat(new long[] {a.next(), a.next(), a.next()}).containsExactly(1000, 1001, 1002);
    assertThat(a.stats().keysHeld()).isEqualTo(7);
    a.close();
    a.close();
    assertThat(a.stats()).isEqualTo(new SequenceBlockStats(1, 10, 3, 0, 7, a.stats().meanFetchMicros()));
    assertThatThrownBy(a::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("'closing' is closed");
  }

  @Test
  void aMissingRowIsAnErrorGivingTheInsertThatCreatesIt() throws Exception {
    assertThatThrownBy(() -> SequenceBlockAllocator.open(pool, Dialect.POSTGRESQL, SequenceBlockOptions.of("no_row")))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("sequence block 'no_row' has no row in SEQUENCE_BLOCK; create it with: "
            + "INSERT INTO SEQUENCE_BLOCK (SEQ_NAME, NEXT_VALUE) VALUES ('no_row', 1)");
    assertThat(nextValue("no_row")).as("not created silently").isEqualTo(-1);

    try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
      st.executeUpdate(SequenceBlockTable.insertSql("no_row", 1));
    }
    try (SequenceBlockAllocator a = SequenceBlockAllocator.open(pool, Dialect.POSTGRESQL, SequenceBlockOptions.of("no_row"))) {
      assertThat(a.next()).isEqualTo(1);
    }
  }

  static void assertEveryKeyInABlock(long[] sortedKeys, List<long[]> sortedBlocks) {
    int b = 0;
    for (long key : sortedKeys) {
      while (b < sortedBlocks.size() && sortedBlocks.get(b)[1] <= key) {
        b++;
      }
      if (b == sortedBlocks.size() || key < sortedBlocks.get(b)[0]) {
        throw new AssertionError("key " + key + " lies in no block the table handed out");
      }
    }
  }

  private static long[] concat(long[] a, long[] b) {
    long[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static void insertSequence(String name, long firstKey) throws Exception {
    try (Connection c = pool.getConnection()) {
      SequenceBlockTable.insertSequence(c, name, firstKey);
    }
  }

  private static long nextValue(String name) throws Exception {
    try (Connection c = pool.getConnection()) {
      return SequenceBlockTable.nextValue(c, name).orElse(-1);
    }
  }
}

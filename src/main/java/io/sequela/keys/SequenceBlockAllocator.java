package io.sequela.keys;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unique {@code long} keys handed out from blocks reserved in the SEQUENCE_BLOCK table: the Sequence
 * Block pattern (Floyd Marinescu, <i>EJB Design Patterns</i>, Wiley 2002), also known as hi/lo; Hibernate's
 * {@code pooled} and {@code pooled-lo} optimizers are its best-known implementation. One database round
 * trip reserves {@code blockSize} keys ({@link SequenceBlockTable}); {@link #next()} then hands them out
 * from memory. As in Hibernate's {@code pooled}, the value the UPDATE returns is the block's high end
 * (exclusive); {@code pooled-lo} reads the low end instead. Any other writer of the row must reserve
 * the same way (add its count to NEXT_VALUE in one statement); a block size of 1 reserves single keys.
 *
 * <p>Guarantees and trade-offs:
 * <ul>
 *   <li>No key is handed out twice, across threads, allocators and JVMs sharing the table: each block
 *       comes from one committed UPDATE of the sequence's row.
 *   <li>Keys are increasing within one block only. Keys from different allocators (or from a block and
 *       its successor under concurrency) are <b>not in time order</b>: two processes draw from
 *       interleaved blocks, like Oracle RAC NOORDER sequences.
 *   <li>Keys reserved but never handed out are lost: at {@link #close()} they are counted as wasted
 *       ({@link #stats()}); after a crash the rest of the current (and prefetched) block is skipped,
 *       which {@link SequenceBlockStats#keysHeld()} shows beforehand. The table never goes back.
 * </ul>
 *
 * <p>Concurrency: the fast path is one atomic increment of a cursor over an immutable block. The
 * thread that finds the block spent installs the next one under a lock while the others wait for it;
 * with prefetch on, that block was already fetched in the background on a single daemon thread once
 * {@link SequenceBlockOptions#prefetchAt()} of the current block was handed out.
 *
 * <p>The allocator borrows connections from the given {@link DataSource} (at most two at a time) and
 * does not close it.
 */
public final class SequenceBlockAllocator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SequenceBlockAllocator.class);

  private final DataSource dataSource;
  private final Dialect dialect;
  private final SequenceBlockOptions options;
  private final int prefetchOffset;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicLong blocksFetched = new AtomicLong();
  private final AtomicLong fetchNanos = new AtomicLong();

  private volatile Block current;
  /** Guarded by lock; read without it only by {@link #stats()}. */
  private volatile CompletableFuture<Block> prefetched;
  private volatile boolean closed;
  private volatile long keysWasted;
  private ExecutorService prefetcher;

  private SequenceBlockAllocator(DataSource dataSource, Dialect dialect, SequenceBlockOptions options) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.options = options;
    this.prefetchOffset = options.prefetchOffset();
  }

  /**
   * Opens an allocator and reserves its first block at once, so a missing row or table fails here
   * rather than at the first key.
   *
   * @param dataSource connections to the database holding SEQUENCE_BLOCK, e.g. a HikariCP pool
   * @param dialect the database's dialect (chooses the reserving SQL)
   * @throws SequelaException.InvalidInput when the sequence has no row; the message holds the INSERT that creates it
   * @throws SequelaException.DatabaseFailure when the table is missing or the database fails
   */
  public static SequenceBlockAllocator open(DataSource dataSource, Dialect dialect, SequenceBlockOptions options) {
    SequenceBlockAllocator a = new SequenceBlockAllocator(dataSource, dialect, options);
    a.current = a.fetch();
    return a;
  }

  /**
   * The next key; thread-safe, lock-free unless the current block is spent.
   *
   * @throws SequelaException.DatabaseFailure when a new block is needed and cannot be reserved
   * @throws IllegalStateException after {@link #close()}
   */
  public long next() {
    while (true) {
      Block b = current;
      long key = b.take();
      if (key < b.end) {
        if (key == b.prefetchKey) {
          startPrefetch(b);
        }
        return key;
      }
      replace(b);
    }
  }

  /** The options this allocator was opened with. */
  SequenceBlockOptions options() {
    return options;
  }

  /**
   * Counters so far: exact once {@link #close()} has returned; while other threads draw keys, a snapshot
   * that may count a block being installed as issued.
   */
  public SequenceBlockStats stats() {
    long held = 0;
    if (!closed) {
      held = current.unissued();
      CompletableFuture<Block> p = prefetched;
      if (p != null && p.isDone() && !p.isCompletedExceptionally()) {
        held += p.join().unissued();
      }
    }
    long wasted = keysWasted;
    // read after the blocks above: a block is counted before it is visible, so the error is one way
    long blocks = blocksFetched.get();
    long fetched = blocks * options.blockSize();
    double meanFetchMicros = blocks == 0 ? 0 : fetchNanos.get() / 1000.0 / blocks;
    return new SequenceBlockStats(blocks, fetched, fetched - held - wasted, held, wasted, meanFetchMicros);
  }

  /**
   * Stops handing out keys and counts the keys of the current and prefetched blocks as wasted. Call it
   * once every thread has stopped calling {@link #next()}. Idempotent.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      long wasted = current.drain();
      current = Block.CLOSED;
      closed = true;
      if (prefetched != null) {
        try {
          wasted += prefetched.join().drain();
        } catch (CompletionException e) {
          LOG.warn("{}: the prefetch of a block failed: {}", options.sequenceName(), e.getCause().getMessage());
        }
        prefetched = null;
      }
      keysWasted = wasted;
      if (prefetcher != null) {
        prefetcher.shutdown();
      }
    } finally {
      lock.unlock();
    }
    SequenceBlockStats s = stats();
    LOG.info("{}: {} blocks of {} keys reserved, {} keys issued, {} wasted, {} µs per reservation", options.sequenceName(),
        s.blocksFetched(), options.blockSize(), s.keysIssued(), s.keysWasted(), String.format("%.1f", s.meanFetchMicros()));
  }

  /** Installs the block after {@code spent}, unless another thread already did. */
  private void replace(Block spent) {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("sequence block allocator '" + options.sequenceName() + "' is closed");
      }
      if (current != spent) {
        return;
      }
      CompletableFuture<Block> p = prefetched;
      prefetched = null;
      current = p == null ? fetch() : awaitPrefetch(p);
    } finally {
      lock.unlock();
    }
  }

  private void startPrefetch(Block of) {
    lock.lock();
    try {
      if (!closed && current == of && prefetched == null) {
        if (prefetcher == null) {
          prefetcher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sequela-block-prefetch-" + options.sequenceName());
            t.setDaemon(true);
            return t;
          });
        }
        prefetched = CompletableFuture.supplyAsync(this::fetch, prefetcher);
      }
    } finally {
      lock.unlock();
    }
  }

  private static Block awaitPrefetch(CompletableFuture<Block> p) {
    try {
      return p.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** Reserves one block in the table (one short transaction) and tells the listener. */
  private Block fetch() {
    int size = options.blockSize();
    long t0 = System.nanoTime();
    long end;
    try (Connection c = dataSource.getConnection()) {
      end = SequenceBlockTable.reserve(c, dialect, options.sequenceName(), size);
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure(
          "sequence block '" + options.sequenceName() + "': no connection: " + e.getMessage(), e);
    }
    fetchNanos.addAndGet(System.nanoTime() - t0);
    blocksFetched.incrementAndGet();
    long first = end - size;
    options.blockListener().reserved(first, end);
    return new Block(first, end, first + prefetchOffset);
  }
}

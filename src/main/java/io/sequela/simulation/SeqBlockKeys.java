package io.sequela.simulation;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * The seq_block strategy's keys: io.sequela.keys.SequenceBlockAllocator (issue 4) over the
 * SEQUENCE_BLOCK row {@link #SEQUENCE_NAME}, starting after the largest pre-seeded key.
 */
final class SeqBlockKeys implements AutoCloseable {

  /** The SEQUENCE_BLOCK row of the seq_block table. */
  static final String SEQUENCE_NAME = "keygen_seq_block";

  private final LongSupplier next;
  private final AutoCloseable closer;

  private SeqBlockKeys(LongSupplier next, AutoCloseable closer) {
    this.next = next;
    this.closer = closer;
  }

  /**
   * (Re)creates the SEQUENCE_BLOCK row so that the first key is {@code firstKey} and opens an allocator.
   *
   * @param blockSize keys per block
   * @throws SequelaException when the allocator is not available or the database refuses
   */
  static SeqBlockKeys open(DataSource ds, Dialect dialect, long firstKey, int blockSize) {
    throw new SequelaException("seq_block needs io.sequela.keys.SequenceBlockAllocator (issue 4), "
        + "which this build does not have yet; leave seq_block out of the plan's strategies");
  }

  /** The next key; thread-safe. */
  long next() {
    return next.getAsLong();
  }

  @Override
  public void close() {
    try {
      closer.close();
    } catch (Exception e) {
      throw new SequelaException("seq_block allocator did not close: " + e.getMessage(), e);
    }
  }
}

package io.sequela.keygen;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.keys.SequenceBlockAllocator;
import io.sequela.keys.SequenceBlockOptions;
import io.sequela.keys.SequenceBlockTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The seq_block strategy's keys: a {@link SequenceBlockAllocator} over the SEQUENCE_BLOCK row
 * {@link #SEQUENCE_NAME}, whose first key follows the largest pre-seeded key. One allocator for all users
 * (one JVM), thread-safe.
 */
final class SeqBlockKeys {

  /** The SEQUENCE_BLOCK row of the seq_block table. */
  static final String SEQUENCE_NAME = "keygen_seq_block";

  private SeqBlockKeys() {}

  /**
   * Creates SEQUENCE_BLOCK if needed, replaces the row {@link #SEQUENCE_NAME} so that the first key is
   * {@code firstKey}, and opens an allocator (which reserves its first block at once).
   *
   * @param blockSize keys per block, at least 1
   * @throws SequelaException.DatabaseFailure when the database refuses
   */
  static SequenceBlockAllocator open(DataSource ds, Dialect dialect, long firstKey, int blockSize) {
    try (Connection c = ds.getConnection()) {
      SequenceBlockTable.create(c, dialect);
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM SEQUENCE_BLOCK WHERE SEQ_NAME = ?")) {
        ps.setString(1, SEQUENCE_NAME);
        ps.executeUpdate();
      }
      SequenceBlockTable.insertSequence(c, SEQUENCE_NAME, firstKey);
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("keygen seq_block: cannot reset its SEQUENCE_BLOCK row: " + e.getMessage(), e);
    }
    return SequenceBlockAllocator.open(ds, dialect, SequenceBlockOptions.of(SEQUENCE_NAME).withBlockSize(blockSize));
  }
}

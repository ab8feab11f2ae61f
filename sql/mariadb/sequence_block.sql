-- SEQUENCE_BLOCK: one row per sequence block (hi/lo) sequence, read by io.sequela.keys.SequenceBlockAllocator.
-- NEXT_VALUE is the first key no allocator has reserved yet; a block of n keys is [NEXT_VALUE, NEXT_VALUE + n).
-- Idempotent. Rows are not created here: INSERT INTO SEQUENCE_BLOCK (SEQ_NAME, NEXT_VALUE) VALUES ('<name>', 1);
CREATE TABLE IF NOT EXISTS SEQUENCE_BLOCK (
  SEQ_NAME   VARCHAR(128) PRIMARY KEY,
  NEXT_VALUE BIGINT NOT NULL
) ENGINE=InnoDB;

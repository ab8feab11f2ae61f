-- SEQUENCE_BLOCK: one row per sequence block (hi/lo) sequence, read by io.sequela.keys.SequenceBlockAllocator.
-- NEXT_VALUE is the first key no allocator has reserved yet; a block of n keys is [NEXT_VALUE, NEXT_VALUE + n).
-- Idempotent. Rows are not created here: INSERT INTO sequence_block (seq_name, next_value) VALUES ('<name>', 1);
CREATE TABLE IF NOT EXISTS sequence_block (
  seq_name   varchar(128) PRIMARY KEY,
  next_value bigint NOT NULL
);

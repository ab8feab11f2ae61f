-- SEQUENCE_BLOCK: one row per sequence block (hi/lo) sequence, read by io.sequela.keys.SequenceBlockAllocator.
-- NEXT_VALUE is the first key no allocator has reserved yet; a block of n keys is [NEXT_VALUE, NEXT_VALUE + n).
-- Idempotent (ORA-00955 "name is already used" is ignored). Rows are not created here:
-- INSERT INTO sequence_block (seq_name, next_value) VALUES ('<name>', 1);
DECLARE
  e_exists EXCEPTION;
  PRAGMA EXCEPTION_INIT(e_exists, -955);
BEGIN
  EXECUTE IMMEDIATE 'CREATE TABLE sequence_block (
    seq_name   VARCHAR2(128) PRIMARY KEY,
    next_value NUMBER(19) NOT NULL)';
EXCEPTION WHEN e_exists THEN NULL;
END;
/

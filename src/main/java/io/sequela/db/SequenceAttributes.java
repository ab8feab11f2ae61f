package io.sequela.db;

/**
 * A sequence's attributes as the database reports them, read back after a mode switch
 * ({@link SequenceSql#readSequence}) or expected of a mode ({@link SequenceSql#expectedAttributes}).
 *
 * @param cacheSize the sequence's CACHE as the catalog holds it (PostgreSQL {@code pg_sequences.cache_size},
 *     Oracle {@code USER_SEQUENCES.CACHE_SIZE}, H2 {@code INFORMATION_SCHEMA.SEQUENCES.CACHE}), values
 * @param orderFlag Oracle's {@code USER_SEQUENCES.ORDER_FLAG} ({@code Y} or {@code N}); null where the
 *     database has no such attribute
 */
public record SequenceAttributes(long cacheSize, String orderFlag) {

  /** As the reports and messages show it, e.g. {@code CACHE 100 ORDER_FLAG N} or {@code CACHE 1}. */
  @Override
  public String toString() {
    return "CACHE " + cacheSize + (orderFlag == null ? "" : " ORDER_FLAG " + orderFlag);
  }
}

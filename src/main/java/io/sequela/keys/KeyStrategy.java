package io.sequela.keys;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A way to key a table, as compared by KeyGenSimulation (after LSST DMTN-099). Each strategy has its own
 * table named {@link #table()} (the names of {@code models/keygen.conf}): its key column(s) plus
 * {@code payload VARCHAR(128)}. Either the database fills the key (a column default taking
 * {@code nextval}) and the client binds only the payload, or the client binds the key too.
 */
public enum KeyStrategy {
  /** Single-column key from a database sequence (column default nextval). */
  SEQ(Source.DATABASE),
  /** Two-column key (site id, sequence), DMTN-099's recommendation; both filled by column defaults. */
  SITE_SEQ(Source.DATABASE),
  /** Time-based UUID v1 from the client; stored as PostgreSQL uuid, Oracle RAW(16), H2 UUID. */
  UUID1(Source.CLIENT_UUID),
  /** Random UUID v4 from the client. */
  UUID4(Source.CLIENT_UUID),
  /** RFC 9562 time-ordered UUID v7 from the client. */
  UUID7(Source.CLIENT_UUID),
  /** 64-bit keys from the sequence block (hi/lo) allocator, bound by the client. */
  SEQ_BLOCK(Source.CLIENT_LONG),
  /** 64-bit Snowflake ids ({@link Snowflake}), one worker id per virtual user, bound by the client. */
  SNOWFLAKE(Source.CLIENT_LONG),
  /** Oracle 18c+ SCALE sequence (instance and session prefix before the counter); Oracle only. */
  SEQ_SCALE(Source.DATABASE);

  /** Who supplies the key, and its Java type when the client does. */
  public enum Source { DATABASE, CLIENT_LONG, CLIENT_UUID }

  /** The column DMTN-099 calls pk_col: the key of every single-column strategy. */
  public static final String KEY_COLUMN = "pk_col";
  /** The payload column, VARCHAR(128) as in DMTN-099. */
  public static final String PAYLOAD_COLUMN = "payload";
  /** Site id of {@link #SITE_SEQ}, DMTN-099's {@code c_butler_site_id}. */
  public static final long SITE_ID = 9999;

  private final Source source;

  KeyStrategy(Source source) {
    this.source = source;
  }

  /** Who supplies the key. */
  public Source source() {
    return source;
  }

  /** The name in plans, reports and Gatling request names, e.g. {@code site_seq}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The strategy's table, e.g. {@code uuid4}. */
  public String table() {
    return id();
  }

  /** The primary-key constraint (and index) name, e.g. {@code uuid4_pk}. */
  public String primaryKeyName() {
    return table() + "_pk";
  }

  /** The database sequence behind the key column default, or null when the key is not from a sequence. */
  public String sequenceName() {
    return source == Source.DATABASE ? "keygen_" + id() : null;
  }

  /** Key columns in primary-key order. */
  List<String> keyColumns() {
    return this == SITE_SEQ ? List.of("site_id", "seq_id") : List.of(KEY_COLUMN);
  }

  /** The column whose values come from the sequence or generator (the last key column). */
  String counterColumn() {
    return keyColumns().get(keyColumns().size() - 1);
  }

  /** Columns the client binds in its INSERT: the payload, preceded by the key unless the database fills it. */
  public List<String> clientColumns() {
    return source == Source.DATABASE ? List.of(PAYLOAD_COLUMN) : List.of(KEY_COLUMN, PAYLOAD_COLUMN);
  }

  /** True when the dialect can run this strategy (seq_scale needs {@link Dialect#supportsScaleSequences()}: Oracle). */
  public boolean supports(Dialect d) {
    return this != SEQ_SCALE || d.supportsScaleSequences();
  }

  /** Every strategy the dialect supports, in declaration order. */
  public static List<KeyStrategy> all(Dialect d) {
    return Arrays.stream(values()).filter(s -> s.supports(d)).toList();
  }

  /**
   * The strategy named {@code id} (any case).
   *
   * @throws SequelaException.InvalidInput naming the known strategies
   */
  public static KeyStrategy parse(String id) {
    for (KeyStrategy s : values()) {
      if (s.id().equalsIgnoreCase(id.strip())) {
        return s;
      }
    }
    throw new SequelaException.InvalidInput("must be one of " + Arrays.stream(values()).map(KeyStrategy::id).toList()
        + ", got '" + id + "'");
  }
}

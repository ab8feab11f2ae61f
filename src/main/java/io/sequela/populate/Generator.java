package io.sequela.populate;

import java.util.List;

/**
 * How a column's values are made: one immutable record per generator, as written in a model under
 * {@code gen = <name>}. Every generator is a pure function of (seed, table, column, row); see
 * {@link RowRandom}. Bounds are inclusive at both ends wherever a generator has bounds.
 */
public sealed interface Generator {

  /** The generator's name in a model file. */
  String name();

  /** The kind of values it produces (ref: the referenced column's). */
  ValueKind kind();

  /**
   * {@code start + step * n} where n is the row number (from 0), or the row number modulo {@code cycle}
   * when cycle > 0. With a {@code format} such as {@code host_%06d} the values are text.
   */
  record Sequence(long start, long step, long cycle, String format) implements Generator {
    public String name() {
      return "sequence";
    }

    public ValueKind kind() {
      return format == null ? ValueKind.LONG : ValueKind.TEXT;
    }
  }

  /** Integers uniform in [min, max], both inclusive. */
  record UniformLong(long min, long max) implements Generator {
    public String name() {
      return "uniform";
    }

    public ValueKind kind() {
      return ValueKind.LONG;
    }
  }

  /**
   * Doubles uniform in [min, max], both inclusive: 53 random bits scaled over 2^53 - 1, so the all-zero
   * draw gives min and the all-one draw gives max exactly.
   */
  record UniformDouble(double min, double max) implements Generator {
    public String name() {
      return "uniform";
    }

    public ValueKind kind() {
      return ValueKind.DOUBLE;
    }
  }

  /** Normal (Gaussian) doubles by the Box-Muller transform computed with StrictMath. */
  record Normal(double mean, double stddev) implements Generator {
    public String name() {
      return "normal";
    }

    public ValueKind kind() {
      return ValueKind.DOUBLE;
    }
  }

  /**
   * One of {@code values} with probability weight / sum(weights). Values are Long, Double or String,
   * matching the column's kind.
   */
  record Categorical(List<Object> values, List<Double> weights, ValueKind kind) implements Generator {
    public Categorical {
      values = List.copyOf(values);
      weights = List.copyOf(weights);
    }

    public String name() {
      return "categorical";
    }
  }

  /** Ranks 1..n with P(k) proportional to 1 / k^exponent, plus {@code offset}. */
  record Zipf(int n, double exponent, long offset) implements Generator {
    public String name() {
      return "zipf";
    }

    public ValueKind kind() {
      return ValueKind.LONG;
    }
  }

  /**
   * Timestamps {@code start + step * (row / groups)}: with groups = 20 and step = 10 s, rows 0..19 share
   * the first instant (one per host), rows 20..39 the next, and so on.
   *
   * @param startMicros the first instant, microseconds since 1970-01-01 00:00:00 UTC
   * @param stepMicros microseconds between two instants
   * @param groups rows per instant, at least 1
   */
  record TimestampSeries(long startMicros, long stepMicros, long groups) implements Generator {
    public String name() {
      return "timestamp";
    }

    public ValueKind kind() {
      return ValueKind.TIMESTAMP;
    }
  }

  /**
   * UUIDs built from the seeded stream with java-uuid-generator's bit layout: version 4 (122 random
   * bits), 7 (RFC 9562: unix_ts_ms = startMillis + row * stepMicros / 1000, then 74 random bits) or 1
   * (the same instant in 100 ns Gregorian ticks, time_low first; clock sequence and node random).
   */
  record Uuid(int version, long startMillis, long stepMicros) implements Generator {
    public String name() {
      return "uuid";
    }

    public ValueKind kind() {
      return ValueKind.UUID;
    }
  }

  /**
   * Strings of a uniform length in [minLength, maxLength] of characters drawn from alphabet, four per
   * 64 random bits (16 bits each, multiply-shift: bias below alphabet size / 65536).
   */
  record Text(String alphabet, int minLength, int maxLength) implements Generator {
    public String name() {
      return "string";
    }

    public ValueKind kind() {
      return ValueKind.TEXT;
    }
  }

  /**
   * A value of {@code table.column} at a row drawn uniformly from that table's rows: a foreign key into
   * generated data. It depends on the referenced table's row count (and only on that besides the seed).
   */
  record Ref(String table, String column, ValueKind kind) implements Generator {
    public String name() {
      return "ref";
    }
  }
}

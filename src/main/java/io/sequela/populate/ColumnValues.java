package io.sequela.populate;

import com.fasterxml.uuid.UUIDType;
import com.fasterxml.uuid.impl.UUIDUtil;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A column's generator made ready to evaluate: value of row i in O(1) (Zipf and categorical: O(log n)),
 * stateless and thread-safe. Call the accessor matching {@link #kind()}: {@link #asLong} for LONG and
 * TIMESTAMP (epoch microseconds, UTC), {@link #asDouble}, {@link #asText}, {@link #asUuid}.
 */
abstract class ColumnValues {

  final ValueKind kind;
  final long seed;

  private ColumnValues(ValueKind kind, long seed) {
    this.kind = kind;
    this.seed = seed;
  }

  ValueKind kind() {
    return kind;
  }

  long asLong(long row) {
    throw new IllegalStateException(kind + " column read as long");
  }

  double asDouble(long row) {
    throw new IllegalStateException(kind + " column read as double");
  }

  String asText(long row) {
    throw new IllegalStateException(kind + " column read as text");
  }

  UUID asUuid(long row) {
    throw new IllegalStateException(kind + " column read as uuid");
  }

  /** The values of one column of a model table (refs are compiled against the model). */
  static ColumnValues of(Model model, Table table, Column column) {
    long seed = RowRandom.columnSeed(model.seed(), table.name(), column.name());
    Generator gen = column.generator();
    if (gen instanceof Generator.Sequence g) {
      return sequence(g, seed);
    }
    if (gen instanceof Generator.Categorical g) {
      return new Categorical(g, seed);
    }
    if (gen instanceof Generator.Zipf g) {
      return new Zipf(g, seed);
    }
    if (gen instanceof Generator.TimestampSeries g) {
      return new ColumnValues(ValueKind.TIMESTAMP, seed) {
        long asLong(long row) {
          return g.startMicros() + g.stepMicros() * (row / g.groups());
        }
      };
    }
    if (gen instanceof Generator.Ref g) {
      return new Ref(model, g, seed);
    }
    return random(gen, seed);
  }

  /** Generators that only draw from the row's random stream. */
  private static ColumnValues random(Generator gen, long seed) {
    if (gen instanceof Generator.UniformLong g) {
      return new ColumnValues(ValueKind.LONG, seed) {
        long asLong(long row) {
          return new RowRandom(seed, row).nextLongInclusive(g.min(), g.max());
        }
      };
    }
    if (gen instanceof Generator.UniformDouble g) {
      return new ColumnValues(ValueKind.DOUBLE, seed) {
        double asDouble(long row) {
          return uniformDouble(g.min(), g.max(), new RowRandom(seed, row).nextDoubleInclusive());
        }
      };
    }
    if (gen instanceof Generator.Normal g) {
      return new ColumnValues(ValueKind.DOUBLE, seed) {
        double asDouble(long row) {
          RowRandom r = new RowRandom(seed, row);
          double u1 = 1.0 - r.nextDouble();
          double u2 = r.nextDouble();
          return g.mean() + g.stddev() * StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
        }
      };
    }
    if (gen instanceof Generator.Uuid g) {
      return new ColumnValues(ValueKind.UUID, seed) {
        UUID asUuid(long row) {
          RowRandom r = new RowRandom(seed, row);
          if (g.version() == 4) {
            return UUIDUtil.constructUUID(UUIDType.RANDOM_BASED, r.nextLong(), r.nextLong());
          }
          long ms = g.startMillis() + Math.floorDiv(row * g.stepMicros(), 1000);
          if (g.version() == 1) {
            return timeBasedV1(ms * 10_000 + GREGORIAN_OFFSET_TICKS, r.nextLong());
          }
          return UUIDUtil.constructUUID(UUIDType.TIME_BASED_EPOCH, (ms << 16) | (r.nextLong() & 0xFFFL), r.nextLong());
        }
      };
    }
    if (gen instanceof Generator.Text g) {
      return new RandomText(g, seed);
    }
    throw new IllegalStateException("unknown generator " + gen);
  }

  /** 100 ns ticks from 1582-10-15 (the Gregorian epoch of UUID v1) to 1970-01-01. */
  static final long GREGORIAN_OFFSET_TICKS = 0x01B21DD213814000L;

  /** RFC 9562 v1 layout: time_low, time_mid, time_hi; then clock sequence and node from {@code random}. */
  static UUID timeBasedV1(long ticks, long random) {
    long msb = (ticks << 32) | ((ticks >>> 16) & 0xFFFF0000L) | ((ticks >>> 48) & 0x0FFFL);
    return UUIDUtil.constructUUID(UUIDType.TIME_BASED, msb, random);
  }

  /** min + u * (max - min) kept inside [min, max]; u = 0 gives min, u = 1 gives max exactly. */
  static double uniformDouble(double min, double max, double u) {
    return u >= 1.0 ? max : Math.min(max, min + u * (max - min));
  }

  private static ColumnValues sequence(Generator.Sequence g, long seed) {
    if (g.format() == null) {
      return new ColumnValues(ValueKind.LONG, seed) {
        long asLong(long row) {
          return g.start() + g.step() * (g.cycle() > 0 ? row % g.cycle() : row);
        }
      };
    }
    // cycles of up to 64k values (hosts, nodes) are formatted once
    String[] cached = g.cycle() > 0 && g.cycle() <= 65_536 ? new String[(int) g.cycle()] : null;
    for (int i = 0; cached != null && i < cached.length; i++) {
      cached[i] = String.format(Locale.ROOT, g.format(), g.start() + g.step() * i);
    }
    return new ColumnValues(ValueKind.TEXT, seed) {
      String asText(long row) {
        long n = g.cycle() > 0 ? row % g.cycle() : row;
        return cached != null ? cached[(int) n] : String.format(Locale.ROOT, g.format(), g.start() + g.step() * n);
      }
    };
  }

  /** Index of the first cumulative weight above u * total: inverse-CDF sampling. */
  private static int pick(double[] cumulative, double u) {
    double x = u * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** The string generator; {@link #chars} writes a value into a caller's array, so a loader allocates nothing per row. */
  static final class RandomText extends ColumnValues {
    private final Generator.Text g;
    private final char[] alphabet;

    RandomText(Generator.Text g, long seed) {
      super(ValueKind.TEXT, seed);
      this.g = g;
      this.alphabet = g.alphabet().toCharArray();
    }

    /** The longest value, in chars: the size {@link #chars} needs. */
    int maxLength() {
      return g.maxLength();
    }

    String asText(long row) {
      char[] out = new char[g.maxLength()];
      return new String(out, 0, chars(row, out));
    }

    /** Writes the value of {@code row} into {@code out} (at least {@link #maxLength()} long); returns its length. */
    int chars(long row, char[] out) {
      RowRandom r = new RowRandom(seed, row);
      int len = (int) r.nextLongInclusive(g.minLength(), g.maxLength());
      long bits = 0;
      for (int i = 0; i < len; i++) {
        // four characters per 64 random bits: 16-bit multiply-shift (bias < alphabet size / 65536)
        bits = (i & 3) == 0 ? r.nextLong() : bits >>> 16;
        out[i] = alphabet[(int) (((bits & 0xFFFF) * alphabet.length) >>> 16)];
      }
      return len;
    }
  }

  private static final class Categorical extends ColumnValues {
    private final List<Object> values;
    private final double[] cumulative;

    Categorical(Generator.Categorical g, long seed) {
      super(g.kind(), seed);
      values = g.values();
      cumulative = new double[values.size()];
      double sum = 0;
      for (int i = 0; i < cumulative.length; i++) {
        sum += g.weights().get(i);
        cumulative[i] = sum;
      }
    }

    private Object value(long row) {
      return values.get(pick(cumulative, new RowRandom(seed, row).nextDouble()));
    }

    long asLong(long row) {
      return (Long) value(row);
    }

    double asDouble(long row) {
      return (Double) value(row);
    }

    String asText(long row) {
      return (String) value(row);
    }
  }

  private static final class Zipf extends ColumnValues {
    private final double[] cumulative;
    private final long offset;

    Zipf(Generator.Zipf g, long seed) {
      super(ValueKind.LONG, seed);
      cumulative = new double[g.n()];
      double sum = 0;
      for (int k = 1; k <= g.n(); k++) {
        sum += 1.0 / StrictMath.pow(k, g.exponent());
        cumulative[k - 1] = sum;
      }
      offset = g.offset();
    }

    long asLong(long row) {
      return offset + 1 + pick(cumulative, new RowRandom(seed, row).nextDouble());
    }
  }

  private static final class Ref extends ColumnValues {
    private final ColumnValues source;
    private final long sourceRows;

    Ref(Model model, Generator.Ref g, long seed) {
      super(g.kind(), seed);
      Table t = model.table(g.table());
      source = of(model, t, t.column(g.column()));
      sourceRows = t.rows();
    }

    private long sourceRow(long row) {
      return new RowRandom(seed, row).nextLongInclusive(0, sourceRows - 1);
    }

    long asLong(long row) {
      return source.asLong(sourceRow(row));
    }

    double asDouble(long row) {
      return source.asDouble(sourceRow(row));
    }

    String asText(long row) {
      return source.asText(sourceRow(row));
    }

    UUID asUuid(long row) {
      return source.asUuid(sourceRow(row));
    }
  }
}

package io.sequela.populate;

import com.typesafe.config.Config;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads one column's generator from a model, checking it against the column's type. */
final class GeneratorParser {

  /** Largest |double| a model may produce: its fingerprint, floor(v * 1e6), must fit a bigint. */
  static final double MAX_ABS_DOUBLE = 1e12;
  /** Largest Zipf n: its cumulative table is n doubles in memory. */
  static final int MAX_ZIPF_N = 1_000_000;

  static final Map<String, Set<String>> KEYS = Map.of(
      "sequence", Set.of("start", "step", "cycle", "format"),
      "uniform", Set.of("min", "max"),
      "normal", Set.of("mean", "stddev"),
      "categorical", Set.of("values", "weights"),
      "zipf", Set.of("n", "exponent", "offset"),
      "timestamp", Set.of("start", "step", "groups"),
      "uuid", Set.of("version", "start", "step"),
      "string", Set.of("alphabet", "min-length", "max-length"),
      "ref", Set.of("table", "column"));

  private static final String DEFAULT_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private final ModelProblems problems;

  GeneratorParser(ModelProblems problems) {
    this.problems = problems;
  }

  /** The generator of column config {@code c} at {@code path}, or null after reporting problems. */
  Generator parse(Config c, String path, SqlType type, long rows) {
    String gen = problems.getString(c, "gen", path, null);
    if (gen == null) {
      problems.required(c, "gen", path);
      return null;
    }
    Set<String> own = KEYS.get(gen);
    if (own == null) {
      problems.add(path + ".gen", "unknown generator '" + gen + "' (expected one of "
          + String.join(", ", new java.util.TreeSet<>(KEYS.keySet())) + ")");
      return null;
    }
    Set<String> allowed = new java.util.HashSet<>(own);
    allowed.addAll(Set.of("name", "type", "gen"));
    problems.unknownKeys(c, path, allowed);
    return switch (gen) {
      case "sequence" -> sequence(c, path, type, rows);
      case "uniform" -> uniform(c, path, type);
      case "normal" -> normal(c, path);
      case "categorical" -> categorical(c, path, type);
      case "zipf" -> zipf(c, path, type);
      case "timestamp" -> timestamp(c, path);
      case "uuid" -> uuid(c, path);
      case "string" -> text(c, path, type);
      default -> ref(c, path);
    };
  }

  private Generator sequence(Config c, String path, SqlType type, long rows) {
    Long start = problems.getLong(c, "start", path, 1L);
    Long step = problems.getLong(c, "step", path, 1L);
    Long cycle = problems.getLong(c, "cycle", path, 0L);
    String format = problems.getString(c, "format", path, null);
    if (start == null || step == null || cycle == null) {
      return null;
    }
    if (cycle < 0) {
      problems.add(path + ".cycle", "must be >= 0, got " + cycle);
      return null;
    }
    long n = Math.max(0, (cycle > 0 ? Math.min(cycle, rows) : rows) - 1);
    Long last = lastOfSequence(start, step, n);
    if (format != null) {
      if (!format.matches("[^%]*%0?\\d*d[^%]*")) {
        problems.add(path + ".format", "must hold one %d (e.g. host_%06d), got '" + format + "'");
        return null;
      }
      if (type.length() > 0 && last != null
          && String.format(Locale.ROOT, format, Math.max(Math.abs(start), Math.abs(last))).length() + 1 > type.length()) {
        problems.add(path + ".format", "values may be longer than " + type + " allows");
      }
    } else if (last == null || !inRange(type, start) || !inRange(type, last)) {
      problems.add(path, rows + " rows of sequence (start " + start + ", step " + step + ") go beyond "
          + type + "'s range [" + type.minValue() + ", " + type.maxValue() + "]");
    }
    return new Generator.Sequence(start, step, cycle, format);
  }

  private static Long lastOfSequence(long start, long step, long n) {
    try {
      return Math.addExact(start, Math.multiplyExact(step, n));
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private static boolean inRange(SqlType type, long v) {
    return v >= type.minValue() && v <= type.maxValue();
  }

  private Generator uniform(Config c, String path, SqlType type) {
    if (!problems.required(c, "min", path) | !problems.required(c, "max", path)) {
      return null;
    }
    if (type.kind() == ValueKind.DOUBLE) {
      Double min = problems.getDouble(c, "min", path, null);
      Double max = problems.getDouble(c, "max", path, null);
      if (min == null || max == null || !boundsOk(path, min, max)) {
        return null;
      }
      return new Generator.UniformDouble(min, max);
    }
    Long min = problems.getLong(c, "min", path, null);
    Long max = problems.getLong(c, "max", path, null);
    if (min == null || max == null) {
      return null;
    }
    if (max < min) {
      problems.add(path + ".max", "must be >= min");
      return null;
    }
    for (String k : List.of("min", "max")) {
      long v = k.equals("min") ? min : max;
      if (type.kind() == ValueKind.LONG && !inRange(type, v)) {
        problems.add(path + "." + k, v + " is outside " + type + "'s range [" + type.minValue() + ", " + type.maxValue() + "]");
      }
    }
    return new Generator.UniformLong(min, max);
  }

  private boolean boundsOk(String path, double min, double max) {
    if (max < min) {
      problems.add(path + ".max", "must be >= min");
      return false;
    }
    if (Math.abs(min) > MAX_ABS_DOUBLE || Math.abs(max) > MAX_ABS_DOUBLE) {
      problems.add(path, "bounds must lie within +-1e12 (fingerprints scale doubles by 1e6 into a bigint)");
      return false;
    }
    return true;
  }

  private Generator normal(Config c, String path) {
    Double mean = problems.getDouble(c, "mean", path, 0.0);
    Double stddev = problems.getDouble(c, "stddev", path, 1.0);
    if (mean == null || stddev == null) {
      return null;
    }
    if (stddev < 0) {
      problems.add(path + ".stddev", "must be >= 0, got " + stddev);
      return null;
    }
    // Box-Muller with 53-bit uniforms never exceeds 8.6 standard deviations
    if (Math.abs(mean) + 9 * stddev > MAX_ABS_DOUBLE) {
      problems.add(path, "mean +- 9 stddev must lie within +-1e12");
      return null;
    }
    return new Generator.Normal(mean, stddev);
  }

  private Generator categorical(Config c, String path, SqlType type) {
    List<Object> raw = problems.getList(c, "values", path);
    if (raw == null || raw.isEmpty()) {
      problems.add(path + ".values", "must be a non-empty list");
      return null;
    }
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      Object v = convert(raw.get(i), type);
      if (v == null) {
        problems.add(path + ".values[" + i + "]", "'" + raw.get(i) + "' is not a valid " + type + " value");
      }
      values.add(v);
    }
    List<Object> rawWeights = problems.getList(c, "weights", path);
    List<Double> weights = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Object w = rawWeights == null ? 1.0 : i < rawWeights.size() ? rawWeights.get(i) : null;
      if (!(w instanceof Number n) || n.doubleValue() <= 0 || Double.isInfinite(n.doubleValue())) {
        problems.add(path + ".weights" + (rawWeights == null ? "" : "[" + i + "]"), "must be a positive number"
            + (rawWeights != null && rawWeights.size() != values.size() ? ", one per value" : ""));
        return null;
      }
      weights.add(n.doubleValue());
    }
    return values.contains(null) ? null : new Generator.Categorical(values, weights, type.kind());
  }

  private Generator zipf(Config c, String path, SqlType type) {
    Long n = problems.getLong(c, "n", path, null);
    Double exponent = problems.getDouble(c, "exponent", path, 1.0);
    Long offset = problems.getLong(c, "offset", path, 0L);
    if (!problems.required(c, "n", path) || n == null || exponent == null || offset == null) {
      return null;
    }
    if (n < 1 || n > MAX_ZIPF_N) {
      problems.add(path + ".n", "must be in [1, " + MAX_ZIPF_N + "], got " + n);
      return null;
    }
    if (exponent <= 0) {
      problems.add(path + ".exponent", "must be > 0, got " + exponent);
      return null;
    }
    if (!inRange(type, offset + 1) || !inRange(type, offset + n)) {
      problems.add(path + ".n", "ranks " + (offset + 1) + ".." + (offset + n) + " go beyond " + type + "'s range");
    }
    return new Generator.Zipf(n.intValue(), exponent, offset);
  }

  private Generator timestamp(Config c, String path) {
    Long start = instantMicros(c, path);
    Duration step = problems.getDuration(c, "step", path, Duration.ofSeconds(1));
    Long groups = problems.getLong(c, "groups", path, 1L);
    if (start == null || step == null || groups == null) {
      return null;
    }
    if (groups < 1) {
      problems.add(path + ".groups", "must be >= 1, got " + groups);
      return null;
    }
    return new Generator.TimestampSeries(start, step.toNanos() / 1000, groups);
  }

  private Long instantMicros(Config c, String path) {
    String s = problems.getString(c, "start", path, "2017-01-01T00:00:00Z");
    if (s == null) {
      return null;
    }
    try {
      String iso = s.trim().replace(' ', 'T');
      Instant t = Instant.parse(iso.matches(".*(Z|[+-]\\d\\d:?\\d\\d)$") ? iso : iso + "Z");
      return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
    } catch (DateTimeParseException e) {
      problems.add(path + ".start", "must be a UTC timestamp such as 2017-01-01 00:00:00, got '" + s + "'");
      return null;
    }
  }

  private Generator uuid(Config c, String path) {
    Long version = problems.getLong(c, "version", path, 4L);
    Long start = instantMicros(c, path);
    Duration step = problems.getDuration(c, "step", path, Duration.ofMillis(1));
    if (version == null || start == null || step == null) {
      return null;
    }
    if (version != 1 && version != 4 && version != 7) {
      problems.add(path + ".version", "must be 1, 4 or 7, got " + version);
      return null;
    }
    return new Generator.Uuid(version.intValue(), start / 1000, step.toNanos() / 1000);
  }

  private Generator text(Config c, String path, SqlType type) {
    String alphabet = problems.getString(c, "alphabet", path, DEFAULT_ALPHABET);
    Long min = problems.getLong(c, "min-length", path, 1L);
    Long max = problems.getLong(c, "max-length", path, null);
    if (!problems.required(c, "max-length", path) || alphabet == null || min == null || max == null) {
      return null;
    }
    if (alphabet.isEmpty() || alphabet.chars().anyMatch(ch -> Character.isSurrogate((char) ch))) {
      problems.add(path + ".alphabet", "must be a non-empty string of BMP characters");
      return null;
    }
    if (min < 0) {
      problems.add(path + ".min-length", "must be >= 0, got " + min);
      return null;
    }
    if (max < min) {
      problems.add(path + ".max-length", "must be >= min-length");
      return null;
    }
    if (type.length() > 0 && max > type.length()) {
      problems.add(path + ".max-length", "must be <= " + type.length() + " (" + type + "), got " + max);
      return null;
    }
    return new Generator.Text(alphabet, min.intValue(), max.intValue());
  }

  private Generator ref(Config c, String path) {
    String table = problems.getString(c, "table", path, null);
    String column = problems.getString(c, "column", path, null);
    if (!problems.required(c, "table", path) | !problems.required(c, "column", path) || table == null || column == null) {
      return null;
    }
    return new Generator.Ref(table, column, null);
  }

  /** A categorical value as the column's kind (Long, Double or String), or null when it is not one. */
  private static Object convert(Object v, SqlType type) {
    return switch (type.kind()) {
      case LONG -> v instanceof Number n && n.doubleValue() % 1 == 0 && !(n instanceof Double && Math.abs(n.doubleValue()) > 1e15)
          && n.longValue() >= type.minValue() && n.longValue() <= type.maxValue() ? (Object) n.longValue() : null;
      case DOUBLE -> v instanceof Number n && Math.abs(n.doubleValue()) <= MAX_ABS_DOUBLE ? (Object) n.doubleValue() : null;
      case TEXT -> v instanceof String || v instanceof Number
          ? (type.length() == 0 || String.valueOf(v).length() <= type.length() ? String.valueOf(v) : null) : null;
      default -> null;
    };
  }
}

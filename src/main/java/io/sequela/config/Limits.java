package io.sequela.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The assertion limits of one scope (a plan, a test, a KeyGen strategy, a QueryBench run). Immutable; a
 * limit that is not set is not checked.
 *
 * @param values limit to its value, in the unit of {@link Limit#figure()}
 */
public record Limits(Map<Limit, Double> values) {

  /** No limit set. */
  public static final Limits NONE = new Limits(Map.of());

  public Limits {
    values = values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(values));
  }

  /** The value of a limit, empty when it is not set. */
  public OptionalDouble get(Limit limit) {
    Double v = values.get(limit);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** These limits with every limit set in {@code inner} replacing this one's (a test's over its plan's). */
  public Limits overriddenBy(Limits inner) {
    if (inner.values.isEmpty()) {
      return this;
    }
    EnumMap<Limit, Double> merged = new EnumMap<>(Limit.class);
    merged.putAll(values);
    merged.putAll(inner.values);
    return new Limits(merged);
  }

  @Override
  public String toString() {
    return values.entrySet().stream().map(e -> e.getKey().key() + "=" + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }
}

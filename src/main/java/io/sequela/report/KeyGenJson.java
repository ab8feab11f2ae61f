package io.sequela.report;

import com.fasterxml.jackson.annotation.JsonFilter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.impl.SimpleBeanPropertyFilter;
import com.fasterxml.jackson.databind.ser.impl.SimpleFilterProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.sequela.stats.StrategyFigures;
import java.io.IOException;
import java.util.Set;

/**
 * How {@link KeyGenReport} and its {@link StrategyFigures} become {@code key-generation.json}: record
 * components in declaration order, named in snake_case ({@code wallS} is {@code wall_s}, {@code p50Ms} is
 * {@code p50_ms}), {@code wall_s} and {@code inserts_per_s} rounded to 3 decimals, {@code note} only when
 * there is one, and the figures the database does not measure left out. The format lives here, as a
 * Jackson mix-in, so the analysis records carry no JSON concerns.
 */
final class KeyGenJson {

  private static final String STRATEGY_FILTER = "keygen-strategy";
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .addMixIn(StrategyFigures.class, StrategyFiguresFormat.class)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private KeyGenJson() {}

  /**
   * A writer of {@link KeyGenReport}s.
   *
   * @param leftOut the JSON keys of per-strategy figures to leave out, e.g. {@code wal_bytes}
   */
  static ObjectWriter writer(Set<String> leftOut) {
    return MAPPER.writer(new SimpleFilterProvider()
        .addFilter(STRATEGY_FILTER, SimpleBeanPropertyFilter.serializeAllExcept(leftOut)));
  }

  /** The mapper, for reading what {@link #writer} wrote into a tree. */
  static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Jackson annotations for {@link StrategyFigures}, matched to its accessors by name. */
  @JsonFilter(STRATEGY_FILTER)
  abstract static class StrategyFiguresFormat {
    @JsonSerialize(using = ThreeDecimals.class)
    abstract double wallS();

    @JsonSerialize(using = ThreeDecimals.class)
    abstract double insertsPerS();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract String note();
  }

  /** A double rounded half up to 3 decimals, e.g. 2094.2408 as 2094.241. */
  static final class ThreeDecimals extends StdSerializer<Double> {
    ThreeDecimals() {
      super(Double.class);
    }

    @Override
    public void serialize(Double v, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeNumber(Math.round(v * 1000) / 1000.0);
    }
  }
}

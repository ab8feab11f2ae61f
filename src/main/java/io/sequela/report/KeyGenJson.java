package io.sequela.report;

import com.fasterxml.jackson.annotation.JsonFilter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
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
import io.sequela.stats.BlockFigures;
import io.sequela.stats.KeyGenRanking;
import io.sequela.stats.StrategyComparison;
import io.sequela.stats.StrategyFigures;
import io.sequela.stats.WarmupFigures;
import java.io.IOException;
import java.util.Set;

/**
 * How {@link KeyGenReport} with its {@link StrategyFigures}, {@link StrategyComparison}s, {@link KeyGenRanking.Place}s,
 * {@link WarmupFigures} and {@link BlockFigures} becomes {@code key-generation.json}: record components in declaration
 * order, named in snake_case ({@code wallS} is {@code wall_s}, {@code p50UsMin} is {@code p50_us_min}; {@code
 * insertsPerSMin}, which Jackson would make {@code inserts_per_smin}, is named {@code inserts_per_s_min} here, and so
 * are {@code _low}, {@code _high}, {@code _diff}), seconds, inserts/s and µs differences rounded to 3 decimals,
 * {@code note} and {@code no_interval} only when there is one, and the figures the database does not measure left out
 * (per strategy and per block alike). The format
 * lives here, as Jackson mix-ins, so the analysis records carry no JSON concerns.
 */
final class KeyGenJson {

  private static final String STRATEGY_FILTER = "keygen-strategy";
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .addMixIn(StrategyFigures.class, StrategyFiguresFormat.class)
      .addMixIn(BlockFigures.class, BlockFiguresFormat.class)
      .addMixIn(KeyGenRanking.Place.class, PlaceFormat.class)
      .addMixIn(StrategyComparison.class, ComparisonFormat.class)
      .addMixIn(WarmupFigures.class, WarmupFormat.class)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private KeyGenJson() {}

  /**
   * A writer of {@link KeyGenReport}s.
   *
   * @param leftOut the JSON keys of per-strategy and per-block figures to leave out, e.g. {@code wal_bytes}
   */
  static ObjectWriter writer(Set<String> leftOut) {
    return MAPPER.writer(new SimpleFilterProvider()
        .addFilter(STRATEGY_FILTER, SimpleBeanPropertyFilter.serializeAllExcept(leftOut)));
  }

  /** The mapper, for reading what {@link #writer} wrote into a tree. */
  static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The inserts/s interval's ends, {@code inserts_per_s_low} and {@code _high}: per strategy, place and pair alike. */
  interface IntervalFormat {
    @JsonSerialize(using = ThreeDecimals.class)
    @JsonProperty("inserts_per_s_low")
    Double insertsPerSLow();

    @JsonSerialize(using = ThreeDecimals.class)
    @JsonProperty("inserts_per_s_high")
    Double insertsPerSHigh();
  }

  /** Jackson annotations for {@link BlockFigures} (one strategy in one block), and the per-strategy ones' base. */
  @JsonFilter(STRATEGY_FILTER)
  abstract static class BlockFiguresFormat {
    @JsonSerialize(using = ThreeDecimals.class)
    abstract double wallS();

    @JsonSerialize(using = ThreeDecimals.class)
    abstract double insertsPerS();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract String note();
  }

  /** Jackson annotations for {@link StrategyFigures}, matched to its accessors by name: a block's, with the spread. */
  @JsonFilter(STRATEGY_FILTER)
  abstract static class StrategyFiguresFormat extends BlockFiguresFormat implements IntervalFormat {
    @JsonSerialize(using = ThreeDecimals.class)
    @JsonProperty("inserts_per_s_min")
    abstract double insertsPerSMin();

    @JsonSerialize(using = ThreeDecimals.class)
    @JsonProperty("inserts_per_s_max")
    abstract double insertsPerSMax();
  }

  /** Jackson annotations for {@link KeyGenRanking.Place}. */
  abstract static class PlaceFormat implements IntervalFormat {
    @JsonSerialize(using = ThreeDecimals.class)
    abstract double insertsPerS();
  }

  /** Jackson annotations for {@link StrategyComparison}: b minus a, with the interval's ends. */
  abstract static class ComparisonFormat implements IntervalFormat {
    @JsonSerialize(using = ThreeDecimals.class)
    @JsonProperty("inserts_per_s_diff")
    abstract Double insertsPerSDiff();

    @JsonSerialize(using = ThreeDecimals.class)
    abstract Double p50UsDiff();

    @JsonSerialize(using = ThreeDecimals.class)
    abstract Double p50UsLow();

    @JsonSerialize(using = ThreeDecimals.class)
    abstract Double p50UsHigh();

    @JsonIgnore
    abstract String slower();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract String noInterval();
  }

  /** Jackson annotations for {@link WarmupFigures}. */
  abstract static class WarmupFormat {
    @JsonSerialize(using = ThreeDecimals.class)
    abstract double wallS();
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

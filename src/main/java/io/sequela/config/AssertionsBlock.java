package io.sequela.config;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads {@code "assertions"} blocks, e.g. {@code "assertions": { "ko_max": 0, "p99_us_max": 5000 }}: each key a
 * {@link Limit} the simulation takes, each value a number >= 0 (a whole number for counts; {@code order_cost_us_max}
 * may be negative). A number given as a string (a -D setting) is read as the number. Unknown keys and bad values
 * are problems with their path, as every other plan field.
 */
final class AssertionsBlock {

  static final String KEY = "assertions";

  private AssertionsBlock() {}

  /**
   * The limits of {@code o}'s assertions block.
   *
   * @param prefix the path of {@code o} followed by '.', or empty at the plan's root
   * @return {@link Limits#NONE} when there is no block
   */
  static Limits of(Problems p, ConfigObject o, String prefix, Set<Limit> allowed) {
    ConfigValue v = o.get(KEY);
    if (v == null) {
      return Limits.NONE;
    }
    if (!(v instanceof ConfigObject block)) {
      p.add(v, prefix + KEY, "must be an object of limits such as {\"ko_max\": 0}, got " + render(v));
      return Limits.NONE;
    }
    return limits(p, block, prefix + KEY, allowed, Set.of());
  }

  /**
   * A KeyGen plan's block: limits for every strategy, and per strategy id an object of limits that override them,
   * e.g. {@code assertions { ko_max = 0, uuid4 { p99_us_max = 20000 } }}.
   *
   * @param planStrategies the strategy names the plan lists; when it lists some, a strategy object must name one of
   *     them; when it lists none (every strategy the database supports), the run checks the names
   * @param perStrategy receives strategy id to the limits of its own object
   * @return the limits for every strategy
   */
  static Limits perStrategy(Problems p, ConfigObject o, List<String> planStrategies, Map<String, Limits> perStrategy) {
    ConfigValue v = o.get(KEY);
    if (v == null) {
      return Limits.NONE;
    }
    if (!(v instanceof ConfigObject block)) {
      p.add(v, KEY, "must be an object of limits such as {ko_max = 0} and strategy objects, got " + render(v));
      return Limits.NONE;
    }
    Set<String> objects = new java.util.TreeSet<>();
    for (Map.Entry<String, ConfigValue> e : block.entrySet()) {
      if (e.getValue() instanceof ConfigObject && Limit.ofKey(e.getKey()).isEmpty()
          && (planStrategies.isEmpty() || planStrategies.contains(e.getKey()))) {
        objects.add(e.getKey());
      }
    }
    Set<String> expectedObjects = planStrategies.isEmpty() ? objects : Set.copyOf(planStrategies);
    Limits all = limits(p, block, KEY, Limit.KEY_GEN, expectedObjects);
    for (String s : objects) {
      perStrategy.put(s, limits(p, (ConfigObject) block.get(s), KEY + "." + s, Limit.KEY_GEN, Set.of()));
    }
    for (String s : planStrategies) {
      ConfigValue sv = block.get(s);
      if (sv != null && !(sv instanceof ConfigObject)) {
        p.add(sv, KEY + "." + s, "must be an object of limits for strategy " + s + ", got " + render(sv));
      }
    }
    return all;
  }

  /**
   * The limits in one object.
   *
   * @param path the object's path, for messages
   * @param objectKeys keys that hold nested objects read elsewhere (KeyGen's strategy ids), skipped here
   */
  static Limits limits(Problems p, ConfigObject block, String path, Set<Limit> allowed, Set<String> objectKeys) {
    Map<Limit, Double> values = new EnumMap<>(Limit.class);
    for (Map.Entry<String, ConfigValue> e : block.entrySet()) {
      String key = e.getKey();
      if (objectKeys.contains(key) && e.getValue() instanceof ConfigObject) {
        continue;
      }
      Limit limit = Limit.ofKey(key).filter(allowed::contains).orElse(null);
      if (limit == null) {
        Set<String> expected = new TreeSet<>(allowed.stream().map(Limit::key).collect(Collectors.toSet()));
        expected.addAll(objectKeys);
        p.add(e.getValue(), path + "." + key, "unknown key; expected one of " + expected);
        continue;
      }
      Double d = value(e.getValue(), limit);
      if (d == null) {
        p.add(e.getValue(), path + "." + key, "must be " + rule(limit) + ", got " + render(e.getValue()));
      } else {
        values.put(limit, d);
      }
    }
    return new Limits(values);
  }

  private static Double value(ConfigValue v, Limit limit) {
    Double d = null;
    if (v.valueType() == ConfigValueType.NUMBER) {
      d = ((Number) v.unwrapped()).doubleValue();
    } else if (v.valueType() == ConfigValueType.STRING) {
      try {
        d = Double.valueOf(((String) v.unwrapped()).strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (d == null || d.isNaN() || d.isInfinite() || Math.abs(d) > 1e15) {
      return null;
    }
    if (limit.whole() && d != Math.rint(d)) {
      return null;
    }
    return limit == Limit.ORDER_COST_US_MAX || d >= 0 ? d : null;
  }

  private static String rule(Limit limit) {
    if (limit == Limit.ORDER_COST_US_MAX) {
      return "a number of µs";
    }
    return limit.whole() ? "a whole number >= 0" : "a number >= 0";
  }

  private static String render(ConfigValue v) {
    return v.render(ConfigRenderOptions.concise());
  }
}

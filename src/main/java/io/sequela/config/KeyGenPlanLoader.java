package io.sequela.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.sequela.SequelaException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads and validates a KeyGenSimulation plan (HOCON or JSON), e.g. {@code plans/keygen-default.conf}:
 *
 * <pre>{@code
 * connection = embedded            # embedded | user/password@host:port/service | jdbc: URL (+ user, password)
 * strategies = [seq, site_seq, uuid1, uuid4, uuid7, seq_block, snowflake]   # default: all the dialect supports
 * users = 8                        # concurrent users, each with its own connection
 * commit = each                    # each | end | "every N" (end: once per user and block)
 * preseed_rows = 20000             # per table, loaded before the measured phase (not timed)
 * sequence_cache = 1000            # CACHE of the seq, site_seq and seq_scale sequences
 * block_size = 1000                # keys per seq_block block
 * model = "models/keygen.conf"     # the populator model that pre-seeds the tables
 * block = 1s                       # how long one measured block runs (all users inserting as fast as they can)
 * blocks = 7                       # measured blocks per strategy, interleaved in a balanced order (alias: rounds)
 * warmup = auto                    # untimed per strategy first: auto | a duration | a number of inserts | 0
 * warmup_max = 5s                  # auto's longest warm-up per strategy
 * order_seed = 1                   # the balanced order's seed
 * shared_buffers = 4MB             # embedded PostgreSQL only; left out: the server's default
 * direct_io = false                # embedded PostgreSQL only: debug_io_direct = data, the buffer pool the whole cache
 * assertions { ko_max = 0, p99_us_max = 5000, uuid4 { p99_us_max = 20000 } }   # every strategy, then per strategy
 * }</pre>
 *
 * Keys left out take {@code sequela.keygen.plan-defaults} from reference.conf (the values above). Every problem
 * is one line {@code <file>:<line>: <path>: must ..., got ...}; unknown keys are problems too. The strategy
 * names are checked by {@code keys.PlanStrategies} against the target's database, in the same form.
 */
public final class KeyGenPlanLoader {

  /** The setting holding the defaults. */
  static final String DEFAULTS = "sequela.keygen.plan-defaults";
  private static final Set<String> KEYS = Set.of("description", "connection", "user", "password", "strategies", "users",
      "commit", "preseed_rows", "sequence_cache", "block_size", "model", "block", "blocks", "rounds", "warmup",
      "warmup_inserts", "warmup_max", "order_seed", "shared_buffers", "direct_io", AssertionsBlock.KEY);
  /** Keys of older plans that no longer mean anything, with what replaced them. */
  private static final Map<String, String> GONE = Map.of("inserts_per_user",
      "no longer a key: a block is a duration now (block = 1s), so a fast strategy is measured as long as a slow one;"
          + " remove it");
  private static final Duration MIN_BLOCK = Duration.ofMillis(10);
  private static final Duration MAX_BLOCK = Duration.ofHours(1);
  private static final int MAX_BLOCKS = 1000;
  /** A PostgreSQL memory size as {@code shared_buffers} takes it: digits, then kB, MB or GB (none: 8 kB blocks). */
  public static final String PG_SIZE = "\\d+(kB|MB|GB)?";

  /** At most 1000 users, so each gets a Snowflake worker id of its own (1..1000; 0 is the seeded rows'). */
  private static final int MAX_USERS = 1000;

  private KeyGenPlanLoader() {}

  /**
   * Loads a plan with reference.conf's defaults; see {@link #load(String, TargetSpec, ConfigObject)}.
   *
   * @throws SequelaException.InvalidInput listing every problem, one per line
   */
  public static KeyGenPlan load(String location) {
    return load(location, null, referenceDefaults());
  }

  /**
   * Loads a plan from a file path or, when no such file exists, a classpath resource.
   *
   * @param target the target replacing the plan's connection (from -Dsequela.target), or null to keep the plan's
   * @param defaults the {@code sequela.keygen.plan-defaults} object
   * @throws SequelaException.InvalidInput listing every problem, one per line
   */
  public static KeyGenPlan load(String location, TargetSpec target, ConfigObject defaults) {
    String source = PlanSource.name(location);
    try {
      return parse(source, PlanSource.root(location), target, defaults);
    } catch (ConfigException.IO e) {
      throw new SequelaException.InvalidInput("sequela.keygen.plan: no plan file or classpath resource '" + location + "'");
    } catch (ConfigException e) {
      throw new SequelaException.InvalidInput(source + ": not valid HOCON: " + e.getMessage());
    }
  }

  /** Validates a parsed plan with reference.conf's defaults; see {@link #load(String, TargetSpec, ConfigObject)}. */
  public static KeyGenPlan parse(String source, ConfigObject o, TargetSpec override) {
    return parse(source, o, override, referenceDefaults());
  }

  /**
   * Validates a parsed plan: first the defaults on their own (each line naming
   * {@code sequela.keygen.plan-defaults.<key>}), then the plan with the defaults under it.
   */
  public static KeyGenPlan parse(String source, ConfigObject o, TargetSpec override, ConfigObject defaults) {
    Problems d = Problems.forSetting(DEFAULTS);
    unknownKeys(d, defaults);
    read(DEFAULTS, d, defaults, ConfigFactory.empty().root(), null);
    d.throwIfAny();
    Problems p = new Problems(source);
    unknownKeys(p, o);
    KeyGenPlan plan = read(source, p, o, defaults, override);
    p.throwIfAny();
    return plan;
  }

  private static ConfigObject referenceDefaults() {
    return Settings.referenceDefaults().getObject(DEFAULTS);
  }

  private static void unknownKeys(Problems p, ConfigObject o) {
    for (String key : o.keySet()) {
      if (key.equals(SweepPlanLoader.KEY)) {
        p.add(o.get(key), key, SweepPlanLoader.RUN_WITH_SWEEP);
      } else if (GONE.containsKey(key)) {
        p.add(o.get(key), key, GONE.get(key));
      } else if (!KEYS.contains(key)) {
        p.add(o.get(key), key, "unknown key; expected one of " + new TreeSet<>(KEYS));
      }
    }
  }

  /** Reads every field, each from {@code o} or else from {@code defaults}; a field in neither is a problem. */
  private static KeyGenPlan read(String source, Problems p, ConfigObject o, ConfigObject defaults, TargetSpec override) {
    Fields f = new Fields(p, o, defaults);
    TargetSpec target = target(f);
    target = override != null ? override : target;
    List<StrategyName> strategies = strategies(p, o.get("strategies"));
    int users = (int) f.number("users", 1, MAX_USERS);
    long preseed = f.number("preseed_rows", 0, 10_000_000_000L);
    int cache = (int) f.number("sequence_cache", 1, 1_000_000);
    int seqBlock = (int) f.number("block_size", 1, 10_000_000);
    String model = f.string("model", true);
    Duration block = f.duration("block", MIN_BLOCK, MAX_BLOCK);
    int blocks = (int) f.aliased("blocks", "rounds", 1, MAX_BLOCKS);
    KeyGenPlan.Warmup warmup = warmup(f);
    long seed = f.number("order_seed", Long.MIN_VALUE, Long.MAX_VALUE);
    String sharedBuffers = CachePlanKeys.sharedBuffers(p, f.value(CachePlanKeys.SHARED_BUFFERS));
    boolean directIo = CachePlanKeys.directIo(p, f.value(CachePlanKeys.DIRECT_IO));
    CommitPolicy commit = CommitPolicy.EACH;
    String c = f.string("commit", true);
    try {
      commit = c == null ? commit : CommitPolicy.parse(c);
    } catch (SequelaException.InvalidInput e) {
      p.add(f.value("commit"), "commit", e.getMessage());
    }
    Map<String, Limits> perStrategy = new LinkedHashMap<>();
    Limits all = AssertionsBlock.perStrategy(p, o, strategies.stream().map(StrategyName::name).toList(), perStrategy);
    return new KeyGenPlan(source, target, strategies, users, commit, preseed, cache, seqBlock, model, block, blocks, warmup,
        seed, sharedBuffers, all, perStrategy, directIo);
  }

  /**
   * {@code warmup} (or its older name {@code warmup_inserts}, not both): {@code auto} (capped by {@code warmup_max}),
   * a duration such as {@code "2s"}, or a number of inserts, {@code 0} for none.
   */
  private static KeyGenPlan.Warmup warmup(Fields f) {
    String key = f.o.containsKey("warmup_inserts") && !f.o.containsKey("warmup") ? "warmup_inserts" : "warmup";
    if (f.o.containsKey("warmup_inserts") && f.o.containsKey("warmup")) {
      f.problems.add(f.o.get("warmup_inserts"), "warmup_inserts", "must not be given with warmup (its newer name), got both");
    }
    ConfigValue v = key.equals("warmup") ? f.value("warmup") : f.o.get(key);
    Duration max = f.duration("warmup_max", Duration.ofMillis(1), MAX_BLOCK);
    String rule = "must be auto, a duration such as \"2s\", or a number of inserts (0: none)";
    if (v != null && v.valueType() == ConfigValueType.STRING && "auto".equals(v.unwrapped())) {
      return new KeyGenPlan.Warmup(KeyGenPlan.Warmup.Kind.AUTO, max, 0);
    }
    if (v != null && v.valueType() == ConfigValueType.NUMBER) {
      long n = f.number(key, 0, Integer.MAX_VALUE);
      return new KeyGenPlan.Warmup(KeyGenPlan.Warmup.Kind.INSERTS, Duration.ZERO, n);
    }
    if (v != null && v.valueType() == ConfigValueType.STRING && !key.equals("warmup_inserts")) {
      String t = ((String) v.unwrapped()).strip();
      if (t.matches("\\d+")) {
        return new KeyGenPlan.Warmup(KeyGenPlan.Warmup.Kind.INSERTS, Duration.ZERO, Long.parseLong(t));
      }
      Duration d = parseDuration(t);
      if (d != null && !d.isNegative() && d.compareTo(MAX_BLOCK) <= 0) {
        return new KeyGenPlan.Warmup(KeyGenPlan.Warmup.Kind.DURATION, d, 0);
      }
    }
    f.problems.add(v == null ? f.o : v, key, key.equals("warmup_inserts")
        ? "must be auto or an integer between 0 and " + Integer.MAX_VALUE + ", got " + (v == null ? "nothing" : render(v))
        : rule + ", got " + (v == null ? "nothing" : render(v)));
    return KeyGenPlan.Warmup.NONE;
  }

  /** A HOCON duration ({@code 1s}, {@code 500ms}, {@code 2 seconds}), or null when it is none. */
  static Duration parseDuration(String s) {
    try {
      return ConfigFactory.parseMap(Map.of("d", s)).getDuration("d");
    } catch (ConfigException e) {
      return null;
    }
  }

  private static TargetSpec target(Fields f) {
    String connection = f.string("connection", true);
    if (connection == null) {
      return null;
    }
    try {
      return TargetSpec.parse(connection, f.string("user", false), f.string("password", false));
    } catch (SequelaException.InvalidInput e) {
      f.problems.add(f.value("connection"), "connection", e.getMessage());
      return null;
    }
  }

  private static List<StrategyName> strategies(Problems p, ConfigValue v) {
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof ConfigList list) || list.isEmpty()) {
      p.add(v, "strategies", "must be a non-empty list of strategy names, got " + render(v));
      return List.of();
    }
    List<StrategyName> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      ConfigValue e = list.get(i);
      String name = e.valueType() == ConfigValueType.STRING ? (String) e.unwrapped() : render(e);
      out.add(new StrategyName(name, p.where(e, "strategies[" + i + "]")));
    }
    return out;
  }

  /** A plan's values with the defaults under them. */
  private record Fields(Problems problems, ConfigObject o, ConfigObject defaults) {

    ConfigValue value(String key) {
      ConfigValue v = o.get(key);
      return v == null || v.valueType() == ConfigValueType.NULL ? defaults.get(key) : v;
    }

    long number(String key, long min, long max) {
      ConfigValue v = value(key);
      if (v == null) {
        problems.add(o, key, "must be an integer between " + min + " and " + max + ", got nothing");
        return min;
      }
      Object n = v.unwrapped();
      boolean integral = n instanceof Integer || n instanceof Long
          || (n instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9e18);
      long value = integral ? ((Number) n).longValue() : Long.MIN_VALUE;
      if (!integral || value < min || value > max) {
        problems.add(v, key, "must be an integer between " + min + " and " + max + ", got " + render(v));
        return min;
      }
      return value;
    }

    /** An integer under {@code key} or its older name {@code alias} (not both). */
    long aliased(String key, String alias, long min, long max) {
      if (o.containsKey(alias)) {
        if (o.containsKey(key)) {
          problems.add(o.get(alias), alias, "must not be given with " + key + " (its newer name), got both");
        }
        return new Fields(problems, o, ConfigFactory.empty().root()).number(alias, min, max);
      }
      return number(key, min, max);
    }

    /** A duration: a HOCON duration string ({@code "1s"}) or a number of ms. */
    Duration duration(String key, Duration min, Duration max) {
      ConfigValue v = value(key);
      Duration d = null;
      if (v != null && v.valueType() == ConfigValueType.STRING) {
        d = parseDuration((String) v.unwrapped());
      } else if (v != null && v.valueType() == ConfigValueType.NUMBER) {
        d = Duration.ofMillis(((Number) v.unwrapped()).longValue());
      }
      if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
        problems.add(v == null ? o : v, key, "must be a duration from " + min.toMillis() + "ms to " + max.toSeconds()
            + "s such as \"1s\", got " + (v == null ? "nothing" : render(v)));
        return min;
      }
      return d;
    }

    String string(String key, boolean required) {
      ConfigValue v = value(key);
      if (v == null || v.valueType() == ConfigValueType.NULL) {
        if (required) {
          problems.add(o, key, "must be a non-empty string, got nothing");
        }
        return null;
      }
      if (v.valueType() != ConfigValueType.STRING || ((String) v.unwrapped()).isBlank()) {
        problems.add(v, key, "must be a non-empty string, got " + (key.equals("password") ? "a " + v.valueType() : render(v)));
        return null;
      }
      return (String) v.unwrapped();
    }
  }

  private static String render(ConfigValue v) {
    return v.render(ConfigRenderOptions.concise());
  }
}

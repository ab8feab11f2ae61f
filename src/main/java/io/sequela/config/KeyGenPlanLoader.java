package io.sequela.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.db.Target;
import io.sequela.keys.KeyStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads and validates a KeyGenSimulation plan (HOCON or JSON), e.g. {@code plans/keygen-default.conf}:
 *
 * <pre>{@code
 * connection = embedded            # embedded | user/password@host:port/service | jdbc: URL (+ user, password)
 * strategies = [seq, site_seq, uuid1, uuid4, uuid7, seq_block, snowflake]   # default: all the dialect supports
 * users = 8                        # concurrent users, each with its own connection
 * inserts_per_user = 500           # per strategy
 * commit = each                    # each | end | "every N"
 * preseed_rows = 20000             # per table, loaded before the measured phase (not timed)
 * sequence_cache = 1000            # CACHE of the seq, site_seq and seq_scale sequences
 * block_size = 1000                # keys per seq_block block
 * model = "models/keygen.conf"     # the populator model that pre-seeds the tables
 * }</pre>
 *
 * Every problem is one line {@code <file>:<line>: <path>: must ..., got ...}; unknown keys are problems too.
 */
public final class KeyGenPlanLoader {

  private static final Set<String> KEYS = Set.of("description", "connection", "user", "password", "strategies", "users",
      "inserts_per_user", "commit", "preseed_rows", "sequence_cache", "block_size", "model");

  /** At most 1000 users, so each gets a Snowflake worker id of its own (1..1000; 0 is the seeded rows'). */
  private static final int MAX_USERS = 1000;

  private KeyGenPlanLoader() {}

  /**
   * Loads a plan from a file path or, when no such file exists, a classpath resource.
   *
   * @throws SequelaException.InvalidInput listing every problem, one per line
   */
  public static KeyGenPlan load(String location) {
    return load(location, null);
  }

  /**
   * As {@link #load(String)}, with the plan's connection replaced by {@code target} (from -Dsequela.target)
   * before the strategies are checked against the dialect.
   *
   * @param target the replacing target, or null to keep the plan's
   */
  public static KeyGenPlan load(String location, Target target) {
    Path file = Path.of(location);
    ConfigParseOptions opts = ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF);
    String source = file.getFileName() == null ? location : file.getFileName().toString();
    try {
      ConfigObject root = Files.isRegularFile(file)
          ? ConfigFactory.parseFile(file.toFile(), opts).root()
          : ConfigFactory.parseResources(location, opts).root();
      return parse(source, root, target);
    } catch (ConfigException.IO e) {
      throw new SequelaException.InvalidInput("sequela.keygen.plan: no plan file or classpath resource '" + location + "'");
    } catch (ConfigException e) {
      throw new SequelaException.InvalidInput(source + ": not valid HOCON: " + e.getMessage());
    }
  }

  /** Validates a parsed plan; see {@link #load(String, Target)}. */
  public static KeyGenPlan parse(String source, ConfigObject o, Target override) {
    Problems p = new Problems(source);
    for (String key : o.keySet()) {
      if (!KEYS.contains(key)) {
        p.add(o.get(key), key, "unknown key; expected one of " + new TreeSet<>(KEYS));
      }
    }
    Target target = target(p, o);
    target = override != null ? override : target;
    Dialect dialect = target == null ? Dialect.POSTGRESQL : target.dialect();
    List<KeyStrategy> strategies = strategies(p, o, dialect);
    int users = (int) number(p, o, "users", 1, MAX_USERS, 8);
    int inserts = (int) number(p, o, "inserts_per_user", 1, Integer.MAX_VALUE, 500);
    long preseed = number(p, o, "preseed_rows", 0, 10_000_000_000L, 20_000);
    int cache = (int) number(p, o, "sequence_cache", 1, 1_000_000, 1000);
    int block = (int) number(p, o, "block_size", 1, 10_000_000, 1000);
    String model = string(p, o, "model", "models/keygen.conf");
    CommitPolicy commit = CommitPolicy.EACH;
    String c = string(p, o, "commit", "each");
    try {
      commit = CommitPolicy.parse(c);
    } catch (SequelaException.InvalidInput e) {
      p.add(o.get("commit"), "commit", e.getMessage());
    }
    p.throwIfAny();
    return new KeyGenPlan(source, target, strategies, users, inserts, commit, preseed, cache, block, model);
  }

  private static Target target(Problems p, ConfigObject o) {
    String connection = string(p, o, "connection", Target.EMBEDDED);
    try {
      return Target.parse(connection, string(p, o, "user", null), string(p, o, "password", null));
    } catch (SequelaException.InvalidInput e) {
      p.add(o.get("connection"), "connection", e.getMessage());
      return null;
    }
  }

  private static List<KeyStrategy> strategies(Problems p, ConfigObject o, Dialect d) {
    ConfigValue v = o.get("strategies");
    if (v == null) {
      return KeyStrategy.all(d);
    }
    if (!(v instanceof ConfigList list) || list.isEmpty()) {
      p.add(v, "strategies", "must be a non-empty list of strategy names, got " + render(v));
      return List.of();
    }
    List<KeyStrategy> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      ConfigValue e = list.get(i);
      String path = "strategies[" + i + "]";
      try {
        KeyStrategy s = KeyStrategy.parse(e.valueType() == ConfigValueType.STRING ? (String) e.unwrapped() : render(e));
        if (!s.supports(d)) {
          p.add(e, path, "must be a strategy " + d + " supports: " + s.id() + " needs Oracle 18c or later");
        } else if (out.contains(s)) {
          p.add(e, path, "must not repeat a strategy, got '" + s.id() + "' twice");
        } else {
          out.add(s);
        }
      } catch (SequelaException.InvalidInput ex) {
        p.add(e, path, ex.getMessage());
      }
    }
    return out;
  }

  private static long number(Problems p, ConfigObject o, String key, long min, long max, long dflt) {
    ConfigValue v = o.get(key);
    if (v == null) {
      return dflt;
    }
    Object n = v.unwrapped();
    boolean integral = n instanceof Integer || n instanceof Long
        || (n instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9e18);
    long value = integral ? ((Number) n).longValue() : Long.MIN_VALUE;
    if (!integral || value < min || value > max) {
      p.add(v, key, "must be an integer between " + min + " and " + max + ", got " + render(v));
      return dflt;
    }
    return value;
  }

  private static String string(Problems p, ConfigObject o, String key, String dflt) {
    ConfigValue v = o.get(key);
    if (v == null || v.valueType() == ConfigValueType.NULL) {
      return dflt;
    }
    if (v.valueType() != ConfigValueType.STRING || ((String) v.unwrapped()).isBlank()) {
      p.add(v, key, "must be a non-empty string, got " + (key.equals("password") ? "a " + v.valueType() : render(v)));
      return dflt;
    }
    return (String) v.unwrapped();
  }

  private static String render(ConfigValue v) {
    return v.render(ConfigRenderOptions.concise());
  }
}

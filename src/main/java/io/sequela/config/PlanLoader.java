package io.sequela.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.sequela.SequelaException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads and validates a sequela test plan: JSON (or HOCON, its superset) of the form
 *
 * <pre>{@code
 * { "tests": [ { "test_name": "70_30_ratio", "description": "...",
 *     "scenarii": [ { "node_number": 1, "iterations": 1000, "interval": 1, "connection": "embedded" } ] } ] }
 * }</pre>
 *
 * <p>Per scenario: {@code node_number} (positive, unique in its test), {@code iterations} (positive inserts per
 * user), {@code interval} (seconds, fractional allowed, 0 allowed), {@code connection} ({@link TargetSpec#parse}),
 * optional {@code users}, {@code user}, {@code password}. Per plan or per test (the test wins): {@code modes}
 * ("ORDER", "NOORDER", and "AUTO_INCREMENT", which only a MariaDB target runs: SeqOrderRun checks it once the
 * targets are known), {@code sequence_cache} (at least 2), {@code pacing} ("delay" or "rate"), {@code commit}
 * ("each", "end" or "every N": {@link CommitPolicy}). Keys left out take the defaults of
 * {@code sequela.plan-defaults} in reference.conf (modes ORDER then NOORDER, cache 100, delay, each, 1 user).
 * {@code assertions} per plan or test: limits checked after the run ({@link Limit#SEQ_ORDER}; a test's keys
 * override the plan's). Per plan only, on the embedded PostgreSQL only (every node embedded): {@code shared_buffers} (a
 * PostgreSQL size such as {@code 4MB}) and {@code direct_io} (true: {@code debug_io_direct = data}), the server's
 * cache as KeyGen's keys of the same names set it. Unknown keys are errors, so a typo is never silently ignored.
 */
public final class PlanLoader {

  private static final Set<String> PLAN_KEYS = Set.of("tests", "modes", "sequence_cache", "pacing", "commit", "description",
      AssertionsBlock.KEY, "warmup", "blocks", "order_seed", CachePlanKeys.SHARED_BUFFERS, CachePlanKeys.DIRECT_IO);
  private static final Set<String> TEST_KEYS = Set.of("test_name", "description", "scenarii", "modes", "sequence_cache", "pacing",
      "commit", AssertionsBlock.KEY, "warmup", "blocks", "order_seed");
  private static final Set<String> SCENARIO_KEYS = Set.of("node_number", "iterations", "interval", "connection", "users", "user", "password");
  private static final Set<String> DEFAULT_KEYS = Set.of("modes", "sequence_cache", "pacing", "commit", "users", "warmup",
      "blocks", "order_seed");
  /** The most blocks per mode a test may ask for. */
  static final int MAX_BLOCKS = 1000;

  private PlanLoader() {}

  /**
   * Loads a plan with reference.conf's defaults; see {@link #load(String, ConfigObject)}.
   *
   * @throws SequelaException.InvalidInput listing every problem, one per line
   */
  public static Plan load(String location) {
    return load(location, Settings.referenceDefaults().getObject(PlanDefaults.SETTING));
  }

  /**
   * Loads a plan from a file path or, when no such file exists, a classpath resource.
   *
   * @param location file path or classpath resource, e.g. {@code plans/default.json}
   * @param defaults the {@code sequela.plan-defaults} object
   * @throws SequelaException.InvalidInput listing every problem, one per line, when the defaults are bad or the
   *     plan is missing, unparsable or invalid
   */
  public static Plan load(String location, ConfigObject defaults) {
    return load(location, defaults, null);
  }

  /**
   * As {@link #load(String, ConfigObject)}, also checking the users of every test's nodes on the embedded server
   * against what it takes ({@code cap}), before any database work.
   *
   * @param cap the embedded server's limit and the target override, or null for no such check
   */
  static Plan load(String location, ConfigObject defaults, EmbeddedCap cap) {
    PlanDefaults d = defaults(defaults);
    String source = PlanSource.name(location);
    ConfigObject root;
    try {
      root = PlanSource.root(location);
    } catch (ConfigException.IO e) {
      throw new SequelaException.InvalidInput("sequela.plan: no plan file or classpath resource '" + location + "'");
    } catch (ConfigException.WrongType e) {
      // valid JSON whose root is not an object, e.g. a bare list of tests
      throw new SequelaException.InvalidInput(source + ": must be a JSON object {\"tests\": [...]} at the top, got "
          + (e.getMessage().contains("LIST") ? "an array" : "another value") + " (valid JSON, not a sequela plan)");
    } catch (ConfigException e) {
      throw new SequelaException.InvalidInput(source + ": not valid JSON: " + e.getMessage());
    }
    return parse(source, root, d, cap);
  }

  /** Validates a parsed plan with reference.conf's defaults; see {@link #load(String)}. */
  static Plan parse(String source, ConfigObject root) {
    return parse(source, root, defaults(Settings.referenceDefaults().getObject(PlanDefaults.SETTING)), null);
  }

  /**
   * Validates the {@code sequela.plan-defaults} object: every key present, each valid as in a plan.
   *
   * @throws SequelaException.InvalidInput one line per problem, e.g.
   *     {@code sequela.plan-defaults.sequence_cache: must be an integer >= 2, got 1}
   */
  static PlanDefaults defaults(ConfigObject o) {
    Problems p = Problems.forSetting(PlanDefaults.SETTING);
    unknownKeys(p, o, "", DEFAULT_KEYS);
    for (String key : new TreeSet<>(DEFAULT_KEYS)) {
      if (o.get(key) == null) {
        p.add(o, key, "must be set, got nothing");
      }
    }
    List<SequenceMode> modes = modes(p, o, "modes", List.of());
    int cache = intAtLeast(p, o, "sequence_cache", "", 2, 0);
    Pacing pacing = pacing(p, o, "pacing", null);
    CommitPolicy commit = commit(p, o, "commit", CommitPolicy.EACH);
    int users = intAtLeast(p, o, "users", "", 1, 0);
    DesignSpec design = design(p, o, "", DesignSpec.SINGLE);
    p.throwIfAny();
    return new PlanDefaults(modes, cache, pacing, commit, users, design);
  }

  static Plan parse(String source, ConfigObject root, PlanDefaults defaults, EmbeddedCap cap) {
    Problems p = new Problems(source);
    unknownKeys(p, root, "", PLAN_KEYS);
    List<SequenceMode> planModes = modes(p, root, "modes", defaults.modes());
    int planCache = intAtLeast(p, root, "sequence_cache", "", 2, defaults.sequenceCache());
    Pacing planPacing = pacing(p, root, "pacing", defaults.pacing());
    Limits planLimits = AssertionsBlock.of(p, root, "", Limit.SEQ_ORDER);
    CommitPolicy planCommit = commit(p, root, "commit", defaults.commit());
    DesignSpec planDesign = design(p, root, "", defaults.design());
    String sharedBuffers = CachePlanKeys.sharedBuffers(p, root.get(CachePlanKeys.SHARED_BUFFERS));
    boolean directIo = CachePlanKeys.directIo(p, root.get(CachePlanKeys.DIRECT_IO));
    List<TestSpec> tests = new ArrayList<>();
    List<ConfigObject> testObjects = objectList(p, root, "tests", "tests");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < testObjects.size(); i++) {
      TestSpec t = test(p, testObjects.get(i), "tests[" + i + "]", planModes, planCache, planPacing, planCommit,
          defaults.users(), planLimits, planDesign);
      if (t != null && cap != null) {
        checkEmbeddedUsers(p, testObjects.get(i), "tests[" + i + "]", t, cap);
      }
      if (t != null && !names.add(t.name())) {
        p.add(testObjects.get(i).get("test_name"), "tests[" + i + "].test_name", "must be unique in the plan, got '" + t.name() + "' twice");
      }
      tests.add(t);
    }
    if (sharedBuffers != null || directIo) {
      cacheOnEmbeddedOnly(p, root, tests, cap, directIo ? CachePlanKeys.DIRECT_IO : CachePlanKeys.SHARED_BUFFERS);
    }
    p.throwIfAny();
    return new Plan(source, tests, sharedBuffers, directIo);
  }

  /**
   * {@code shared_buffers} and {@code direct_io} start the embedded PostgreSQL with a cache of the plan's size; a server
   * sequela does not start has its own memory: one line at the key when any node runs elsewhere.
   */
  private static void cacheOnEmbeddedOnly(Problems p, ConfigObject root, List<TestSpec> tests, EmbeddedCap cap,
      String key) {
    String rule = "must be left out unless every node runs on the embedded PostgreSQL (sequela starts it with the plan's"
        + " cache; another server's own memory applies there: remove direct_io and shared_buffers), got ";
    if (cap != null && cap.override() != null) {
      if (!cap.override().embedded()) {
        p.add(root.get(key), key, rule + "sequela.target = " + TargetSpec.mask(cap.override().jdbcUrl()));
      }
      return;
    }
    for (int i = 0; i < tests.size(); i++) {
      List<ScenarioSpec> scenarii = tests.get(i) == null ? List.of() : tests.get(i).scenarii();
      for (int j = 0; j < scenarii.size(); j++) {
        if (!scenarii.get(j).target().embedded()) {
          p.add(root.get(key), key, rule + "tests[" + i + "].scenarii[" + j + "].connection = "
              + TargetSpec.mask(scenarii.get(j).target().jdbcUrl()));
          return;
        }
      }
    }
  }

  private static TestSpec test(Problems p, ConfigObject o, String path, List<SequenceMode> modes, int cache, Pacing pacing,
      CommitPolicy commit, int users, Limits limits, DesignSpec design) {
    unknownKeys(p, o, path + ".", TEST_KEYS);
    String name = string(p, o, "test_name", path, true);
    if (name != null && !name.matches("[A-Za-z0-9_.\\-]{1,64}")) {
      p.add(o.get("test_name"), path + ".test_name", "must be 1 to 64 letters, digits, '_', '-' or '.', got '" + name + "'");
    }
    String description = string(p, o, "description", path, false);
    List<SequenceMode> testModes = modes(p, o, path + ".modes", modes);
    int testCache = intAtLeast(p, o, "sequence_cache", path + ".", 2, cache);
    Pacing testPacing = pacing(p, o, path + ".pacing", pacing);
    Limits testLimits = limits.overriddenBy(AssertionsBlock.of(p, o, path + ".", Limit.SEQ_ORDER));
    CommitPolicy testCommit = commit(p, o, path + ".commit", commit);
    DesignSpec testDesign = design(p, o, path + ".", design);
    List<ConfigObject> scenarioObjects = objectList(p, o, "scenarii", path + ".scenarii");
    List<ScenarioSpec> scenarii = new ArrayList<>();
    Set<Integer> nodes = new HashSet<>();
    for (int j = 0; j < scenarioObjects.size(); j++) {
      String sp = path + ".scenarii[" + j + "]";
      ScenarioSpec s = scenario(p, scenarioObjects.get(j), sp, users);
      if (s != null && !nodes.add(s.nodeNumber())) {
        p.add(scenarioObjects.get(j).get("node_number"), sp + ".node_number", "must be unique within the test, got " + s.nodeNumber() + " twice");
      }
      if (s != null && s.iterations() < testDesign.blocks()) {
        p.add(scenarioObjects.get(j).get("iterations"), sp + ".iterations", "must be >= the test's blocks ("
            + testDesign.blocks() + "): each block takes a share of every user's iterations, got " + s.iterations());
      }
      scenarii.add(s);
    }
    return new TestSpec(name, description == null ? "" : description, scenarii.contains(null) ? List.of() : scenarii,
        testModes, testCache, testPacing, testLimits, testCommit, testDesign);
  }

  /**
   * The users of a test's nodes on the embedded server run at once, each on a connection of its own: one node's
   * users beyond the limit are named at that node's {@code users}, a sum beyond it at the test's {@code scenarii}.
   */
  private static void checkEmbeddedUsers(Problems p, ConfigObject test, String path, TestSpec t, EmbeddedCap cap) {
    if (!(test.get("scenarii") instanceof ConfigList list) || list.size() != t.scenarii().size()) {
      return;
    }
    long total = 0;
    boolean named = false;
    for (int j = 0; j < t.scenarii().size(); j++) {
      ScenarioSpec s = t.scenarii().get(j);
      if (!cap.embedded(s.target())) {
        continue;
      }
      total += s.users();
      if (s.users() > cap.maxUsers()) {
        ConfigValue users = ((ConfigObject) list.get(j)).get("users");
        p.add(users == null ? list.get(j) : users, path + ".scenarii[" + j + "].users", "must be at most " + cap.maxUsers()
            + " (" + cap.reason() + "), got " + s.users() + (users == null ? " from sequela.plan-defaults.users" : ""));
        named = true;
      }
    }
    if (!named && total > cap.maxUsers()) {
      p.add(list, path + ".scenarii", "users of the nodes on the embedded server must add up to at most " + cap.maxUsers()
          + " (" + cap.reason() + "), got " + total);
    }
  }

  private static ScenarioSpec scenario(Problems p, ConfigObject o, String path, int defaultUsers) {
    unknownKeys(p, o, path + ".", SCENARIO_KEYS);
    Integer node = positiveInt(p, o, "node_number", path, true, 0);
    Integer iterations = positiveInt(p, o, "iterations", path, true, 0);
    Integer users = positiveInt(p, o, "users", path, false, defaultUsers);
    Duration interval = interval(p, o, path);
    String user = string(p, o, "user", path, false);
    String password = string(p, o, "password", path, false);
    String connection = string(p, o, "connection", path, true);
    TargetSpec target = null;
    if (connection != null) {
      try {
        target = TargetSpec.parse(connection, user, password);
      } catch (SequelaException.InvalidInput e) {
        p.add(o.get("connection"), path + ".connection", e.getMessage());
      }
    }
    if (node == null || iterations == null || users == null || interval == null || target == null) {
      return null;
    }
    return new ScenarioSpec(node, iterations, interval, users, target);
  }

  private static void unknownKeys(Problems p, ConfigObject o, String prefix, Set<String> allowed) {
    for (String key : o.keySet()) {
      if (key.equals(SweepPlanLoader.KEY) && prefix.isEmpty() && allowed == PLAN_KEYS) {
        p.add(o.get(key), key, SweepPlanLoader.RUN_WITH_SWEEP);
      } else if (!allowed.contains(key)) {
        p.add(o.get(key), prefix + key, "unknown key; expected one of " + new TreeSet<>(allowed));
      }
    }
  }

  private static List<ConfigObject> objectList(Problems p, ConfigObject o, String key, String path) {
    ConfigValue v = o.get(key);
    if (v == null) {
      p.add(o, path, "must be a non-empty list, got nothing");
      return List.of();
    }
    if (!(v instanceof ConfigList list) || list.isEmpty()) {
      p.add(v, path, "must be a non-empty list, got " + render(v));
      return List.of();
    }
    List<ConfigObject> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof ConfigObject co) {
        out.add(co);
      } else {
        p.add(list.get(i), path + "[" + i + "]", "must be an object, got " + render(list.get(i)));
      }
    }
    return out;
  }

  private static String string(Problems p, ConfigObject o, String key, String path, boolean required) {
    ConfigValue v = o.get(key);
    if (v == null || v.valueType() == ConfigValueType.NULL) {
      if (required) {
        p.add(o, path + "." + key, "must be a string, got nothing");
      }
      return null;
    }
    if (v.valueType() != ConfigValueType.STRING || ((String) v.unwrapped()).isBlank()) {
      p.add(v, path + "." + key, "must be a non-empty string, got " + (key.equals("password") ? "a " + v.valueType() : render(v)));
      return null;
    }
    return (String) v.unwrapped();
  }

  private static Integer positiveInt(Problems p, ConfigObject o, String key, String path, boolean required, int dflt) {
    ConfigValue v = o.get(key);
    if (v == null) {
      if (required) {
        p.add(o, path + "." + key, "must be a positive integer, got nothing");
        return null;
      }
      return dflt;
    }
    Long n = integral(v);
    if (n == null || n < 1 || n > Integer.MAX_VALUE) {
      // Gatling counts a user's iterations and users in an int
      p.add(v, path + "." + key, "must be a positive integer" + (n != null && n > 0 ? " at most " + Integer.MAX_VALUE : "")
          + ", got " + render(v));
      return null;
    }
    return n.intValue();
  }

  private static int intAtLeast(Problems p, ConfigObject o, String key, String prefix, int min, int dflt) {
    ConfigValue v = o.get(key);
    if (v == null) {
      return dflt;
    }
    Long n = integral(v);
    if (n == null || n < min || n > Integer.MAX_VALUE) {
      p.add(v, prefix + key, "must be an integer >= " + min + ", got " + render(v));
      return dflt;
    }
    return n.intValue();
  }

  private static Duration interval(Problems p, ConfigObject o, String path) {
    ConfigValue v = o.get("interval");
    if (v == null) {
      p.add(o, path + ".interval", "must be a number of seconds >= 0, got nothing");
      return null;
    }
    if (v.valueType() != ConfigValueType.NUMBER || ((Number) v.unwrapped()).doubleValue() < 0
        || ((Number) v.unwrapped()).doubleValue() > 86_400) {
      p.add(v, path + ".interval", "must be a number of seconds between 0 and 86400, got " + render(v));
      return null;
    }
    BigDecimal seconds = new BigDecimal(v.unwrapped().toString());
    return Duration.ofNanos(seconds.movePointRight(9).longValue());
  }

  private static List<SequenceMode> modes(Problems p, ConfigObject o, String path, List<SequenceMode> dflt) {
    ConfigValue v = o.get("modes");
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof ConfigList list) || list.isEmpty()) {
      p.add(v, path, "must be a non-empty list of \"ORDER\", \"NOORDER\" and \"AUTO_INCREMENT\", got " + render(v));
      return dflt;
    }
    List<SequenceMode> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      ConfigValue m = list.get(i);
      String s = m.valueType() == ConfigValueType.STRING ? ((String) m.unwrapped()).toUpperCase(Locale.ROOT) : "";
      if (!s.equals("ORDER") && !s.equals("NOORDER") && !s.equals("AUTO_INCREMENT")) {
        p.add(m, path + "[" + i + "]", "must be \"ORDER\", \"NOORDER\" or \"AUTO_INCREMENT\", got " + render(m));
      } else {
        out.add(SequenceMode.valueOf(s));
      }
    }
    boolean aa = out.size() == 2 && out.get(0) == out.get(1);
    if (!aa && out.stream().distinct().count() < out.size()) {
      p.add(v, path, "must list each mode once, or one mode twice for an A/A calibration (e.g. [\"NOORDER\", "
          + "\"NOORDER\"]), got " + render(v));
      return dflt;
    }
    return out.isEmpty() ? dflt : out;
  }

  /** The keys {@code warmup}, {@code blocks} and {@code order_seed} of a plan, test or the defaults. */
  private static DesignSpec design(Problems p, ConfigObject o, String prefix, DesignSpec dflt) {
    WarmupSpec warmup = warmup(p, o, prefix + "warmup", dflt.warmup());
    int blocks = dflt.blocks();
    ConfigValue b = o.get("blocks");
    if (b != null) {
      Long n = integralOrDigits(b);
      if (n == null || n < 1 || n > MAX_BLOCKS) {
        p.add(b, prefix + "blocks", "must be an integer between 1 and " + MAX_BLOCKS + " (blocks per mode; an"
            + " interval needs >= 3), got " + render(b));
      } else {
        blocks = n.intValue();
      }
    }
    long seed = dflt.orderSeed();
    ConfigValue sv = o.get("order_seed");
    if (sv != null) {
      Long n = integralOrDigits(sv);
      if (n == null) {
        p.add(sv, prefix + "order_seed", "must be an integer, got " + render(sv));
      } else {
        seed = n;
      }
    }
    return new DesignSpec(warmup, blocks, seed);
  }

  /** {@code auto}, a duration ({@code "5s"}, {@code "500ms"}), a number of inserts, or 0 for none. */
  private static WarmupSpec warmup(Problems p, ConfigValue v, String path, WarmupSpec dflt) {
    String rule = "must be \"auto\", a duration such as \"5s\", a number of inserts >= 0, or 0 for none, got ";
    if (v.valueType() == ConfigValueType.NUMBER) {
      Long n = integral(v);
      if (n == null || n < 0) {
        p.add(v, path, rule + render(v));
        return dflt;
      }
      return n == 0 ? WarmupSpec.NONE : new WarmupSpec(WarmupSpec.Kind.INSERTS, Duration.ZERO, n);
    }
    if (v.valueType() != ConfigValueType.STRING) {
      p.add(v, path, rule + render(v));
      return dflt;
    }
    String s = ((String) v.unwrapped()).trim();
    if (s.equalsIgnoreCase("auto")) {
      return WarmupSpec.AUTO;
    }
    if (s.matches("\\d{1,18}")) {
      long n = Long.parseLong(s);
      return n == 0 ? WarmupSpec.NONE : new WarmupSpec(WarmupSpec.Kind.INSERTS, Duration.ZERO, n);
    }
    try {
      Duration d = ConfigFactory.parseMap(java.util.Map.of("d", s)).getDuration("d");
      if (d.isNegative() || d.compareTo(Duration.ofHours(1)) > 0) {
        p.add(v, path, "must be a duration between 0 and 1h, got " + render(v));
        return dflt;
      }
      return d.isZero() ? WarmupSpec.NONE : new WarmupSpec(WarmupSpec.Kind.DURATION, d, 0);
    } catch (ConfigException e) {
      p.add(v, path, rule + render(v));
      return dflt;
    }
  }

  private static WarmupSpec warmup(Problems p, ConfigObject o, String path, WarmupSpec dflt) {
    ConfigValue v = o.get("warmup");
    return v == null ? dflt : warmup(p, v, path, dflt);
  }

  private static Pacing pacing(Problems p, ConfigObject o, String path, Pacing dflt) {
    ConfigValue v = o.get("pacing");
    if (v == null) {
      return dflt;
    }
    String s = v.valueType() == ConfigValueType.STRING ? ((String) v.unwrapped()).toUpperCase(Locale.ROOT) : "";
    if (!s.equals("DELAY") && !s.equals("RATE")) {
      p.add(v, path, "must be \"delay\" or \"rate\", got " + render(v));
      return dflt;
    }
    return Pacing.valueOf(s);
  }

  private static CommitPolicy commit(Problems p, ConfigObject o, String path, CommitPolicy dflt) {
    ConfigValue v = o.get("commit");
    if (v == null) {
      return dflt;
    }
    if (v.valueType() != ConfigValueType.STRING) {
      p.add(v, path, "must be \"each\", \"end\" or \"every N\" with N >= 2, got " + render(v));
      return dflt;
    }
    try {
      return CommitPolicy.parse((String) v.unwrapped());
    } catch (SequelaException.InvalidInput e) {
      p.add(v, path, e.getMessage());
      return dflt;
    }
  }

  /** As {@link #integral}, also a string of digits (a {@code -Dsequela.plan-defaults.blocks=6} arrives as one). */
  private static Long integralOrDigits(ConfigValue v) {
    if (v.valueType() == ConfigValueType.STRING && ((String) v.unwrapped()).trim().matches("-?\\d{1,18}")) {
      return Long.parseLong(((String) v.unwrapped()).trim());
    }
    return integral(v);
  }

  private static Long integral(ConfigValue v) {
    if (v.valueType() != ConfigValueType.NUMBER) {
      return null;
    }
    Number n = (Number) v.unwrapped();
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 9e18 ? (long) d : null;
    }
    return n.longValue();
  }

  /** A value as the user wrote it (strings quoted), never a password since callers skip that key. */
  private static String render(ConfigValue v) {
    return v.render(ConfigRenderOptions.concise());
  }
}

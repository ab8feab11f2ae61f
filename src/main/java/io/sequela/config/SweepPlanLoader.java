package io.sequela.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import io.sequela.SequelaException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads a sweep plan: a SeqOrder plan (it has {@code tests}) or a KeyGen plan with a {@code sweep} block of one or two
 * axes, each a list of integers for one numeric plan key, plus the sweep's own options:
 *
 * <pre>{@code
 * "sweep": { "users": [1, 2, 4], "sequence_cache": [1, 20, 100], "threshold_us": 10, "seed": 1 }   // SeqOrder
 * sweep { preseed_rows = [10000, 100000, 1000000], ratio = 0.5, seed = 1 }                          # KeyGen
 * }</pre>
 *
 * Every cell's plan (the plan without {@code sweep}, the cell's values in place) is checked by the simulation's own
 * loader, so a value the key refuses is one line naming the sweep's file, line and key. Every problem is one line,
 * all of them before any database work.
 */
public final class SweepPlanLoader {

  /** The plan key. */
  public static final String KEY = "sweep";
  /** What the simulations' own loaders say of a {@code sweep} block. */
  static final String RUN_WITH_SWEEP = "a sweep runs with `sequela sweep <plan>` (docs/sweeps.md), one Gatling run per cell;"
      + " a simulation runs one plan: remove sweep, or run the plan with sequela sweep";
  /**
   * SeqOrder's sweepable keys: {@code users} and {@code iterations} set every scenario's, {@code sequence_cache} every
   * test's. In this order the axes are taken: the first given is the first axis (across the heat map), since HOCON
   * keeps no order of an object's keys.
   */
  static final List<String> SEQORDER_AXES = List.of("users", "iterations", "sequence_cache");
  /** KeyGen's numeric plan keys, in the order the axes are taken; {@code shared_buffers} in MB. */
  static final List<String> KEYGEN_AXES = List.of("preseed_rows", "users", "shared_buffers", "blocks", "block_size",
      "sequence_cache");
  private static final Set<String> OPTIONS = Set.of("threshold_us", "ratio", "seed");
  /** At most this many cells: a sweep of more is a week, not a run. */
  static final int MAX_CELLS = 64;
  private static final double DEFAULT_THRESHOLD_US = 10;
  private static final double DEFAULT_RATIO = 0.5;

  private SweepPlanLoader() {}

  /**
   * Loads a sweep plan from a file or, when no such file exists, a classpath resource.
   *
   * @throws SequelaException.InvalidInput listing every problem, one per line
   */
  public static SweepPlan load(String location) {
    return load(location, referenceEmbedded(), null);
  }

  /**
   * Loads a sweep plan from a file or, when no such file exists, a classpath resource, checking every cell's users
   * against the embedded server the cells will start.
   *
   * @param embedded the embedded server's settings the cells run with ({@code -Dsequela.embedded.*} given to the sweep)
   * @param override {@code -Dsequela.target} given to the sweep (every cell's), or null
   * @throws SequelaException.InvalidInput listing every problem, one per line
   */
  public static SweepPlan load(String location, EmbeddedSettings embedded, TargetSpec override) {
    String source = PlanSource.name(location);
    try {
      return parse(source, PlanSource.root(location), embedded, override);
    } catch (ConfigException.IO e) {
      throw new SequelaException.InvalidInput("sweep: no plan file or classpath resource '" + location + "'");
    } catch (ConfigException e) {
      throw new SequelaException.InvalidInput(source + ": not valid JSON or HOCON: " + e.getMessage());
    }
  }

  /**
   * Validates a parsed sweep plan.
   *
   * @throws SequelaException.InvalidInput listing every problem, one per line
   */
  public static SweepPlan parse(String source, ConfigObject root) {
    return parse(source, root, referenceEmbedded(), null);
  }

  /**
   * Validates a parsed sweep plan; see {@link #load(String, EmbeddedSettings, TargetSpec)}.
   *
   * @throws SequelaException.InvalidInput listing every problem, one per line
   */
  public static SweepPlan parse(String source, ConfigObject root, EmbeddedSettings embedded, TargetSpec override) {
    Problems p = new Problems(source);
    boolean seqOrder = root.containsKey("tests");
    String simulation = seqOrder ? SweepPlan.SEQORDER : SweepPlan.KEYGEN;
    List<String> sweepable = seqOrder ? SEQORDER_AXES : KEYGEN_AXES;
    ConfigValue s = root.get(KEY);
    if (!(s instanceof ConfigObject sweep) || sweep.isEmpty()) {
      p.add(s == null ? root : s, KEY, "must be an object of one or two axes (a plan key and its list of values), e.g. "
          + (seqOrder ? "\"sweep\": {\"users\": [1, 2, 4], \"sequence_cache\": [1, 20, 100]}"
              : "sweep { preseed_rows = [10000, 100000, 1000000] }") + ", got " + (s == null ? "nothing" : render(s)));
      p.throwIfAny();
      throw new IllegalStateException("unreachable");
    }
    List<SweepPlan.Axis> axes = new ArrayList<>();
    Map<String, List<ConfigValue>> axisValues = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(sweep.keySet());
    keys.sort(java.util.Comparator.comparingInt((String k) -> sweep.get(k).origin().lineNumber())
        .thenComparingInt(k -> sweepable.contains(k) ? sweepable.indexOf(k) : sweepable.size()).thenComparing(k -> k));
    for (String key : keys) {
      ConfigValue v = sweep.get(key);
      if (OPTIONS.contains(key)) {
        continue;
      }
      if (!sweepable.contains(key)) {
        p.add(v, KEY + "." + key, "must be a numeric plan key of " + simulation + " (one of " + new TreeSet<>(sweepable)
            + ") or an option of the sweep (one of " + new TreeSet<>(OPTIONS) + "), got " + key);
        continue;
      }
      List<Long> values = values(p, key, v);
      if (!values.isEmpty()) {
        axes.add(new SweepPlan.Axis(key, values));
        axisValues.put(key, (ConfigList) v);
      }
    }
    axes.sort(java.util.Comparator.comparingInt(a -> sweepable.indexOf(a.key())));
    if (axes.size() > 2) {
      p.add(sweep, KEY, "must have at most two axes, got " + axes.size() + ": "
          + axes.stream().map(SweepPlan.Axis::key).toList());
    }
    double threshold = option(p, sweep, "threshold_us", DEFAULT_THRESHOLD_US, seqOrder, 1e9);
    double ratio = option(p, sweep, "ratio", DEFAULT_RATIO, !seqOrder, 1);
    long seed = 1;
    ConfigValue sv = sweep.get("seed");
    if (sv != null) {
      if (sv.unwrapped() instanceof Integer || sv.unwrapped() instanceof Long) {
        seed = ((Number) sv.unwrapped()).longValue();
      } else {
        p.add(sv, KEY + ".seed", "must be an integer, got " + render(sv));
      }
    }
    if (!seqOrder && root.get("strategies") instanceof ConfigList listed) {
      List<Object> names = listed.unwrapped();
      if (!names.contains("seq") || !names.contains("uuid4")) {
        p.add(listed, "strategies", "must include seq and uuid4 in a sweep (its tipping point compares uuid4 with seq), got "
            + render(listed));
      }
    }
    long cellCount = axes.stream().mapToLong(a -> a.values().size()).reduce(1, (a, b) -> a * b);
    if (cellCount > MAX_CELLS) {
      p.add(sweep, KEY, "must have at most " + MAX_CELLS + " cells, got " + cellCount);
    }
    p.throwIfAny();
    Set<String> cellProblems = new LinkedHashSet<>();
    List<String> tests = new ArrayList<>();
    List<SweepPlan.Cell> cells = cells(source, root.withoutKey(KEY), seqOrder, axes, axisValues,
        EmbeddedCap.of(embedded, override), cellProblems, tests);
    if (!cellProblems.isEmpty()) {
      throw new SequelaException.InvalidInput(String.join(System.lineSeparator(), cellProblems));
    }
    return new SweepPlan(source, simulation, axes, cells, threshold, ratio, seed, tests);
  }

  private static List<Long> values(Problems p, String key, ConfigValue v) {
    String rule = "must be a non-empty list of distinct integers, e.g. [1, 2, 4]" + (key.equals("shared_buffers")
        ? " (MB)" : "");
    if (!(v instanceof ConfigList list) || list.isEmpty()) {
      p.add(v, KEY + "." + key, rule + ", got " + render(v));
      return List.of();
    }
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object n = list.get(i).unwrapped();
      if (!(n instanceof Integer || n instanceof Long)) {
        p.add(list.get(i), KEY + "." + key + "[" + i + "]", rule + ", got " + render(list.get(i)));
      } else if (out.contains(((Number) n).longValue())) {
        p.add(list.get(i), KEY + "." + key + "[" + i + "]", rule + ", got " + n + " twice");
      } else {
        out.add(((Number) n).longValue());
      }
    }
    return out.size() == list.size() ? out : List.of();
  }

  private static double option(Problems p, ConfigObject sweep, String key, double byDefault, boolean applies, double max) {
    ConfigValue v = sweep.get(key);
    if (v == null) {
      return byDefault;
    }
    if (!applies) {
      p.add(v, KEY + "." + key, "is not an option of this simulation's sweep (threshold_us: SeqOrder, ratio: KeyGen), got "
          + render(v));
      return byDefault;
    }
    if (!(v.unwrapped() instanceof Number n) || n.doubleValue() <= 0 || n.doubleValue() > max) {
      p.add(v, KEY + "." + key, "must be a number above 0 and at most " + (max == 1 ? "1" : "1e9") + ", got " + render(v));
      return byDefault;
    }
    return n.doubleValue();
  }

  private static EmbeddedSettings referenceEmbedded() {
    return EmbeddedSettings.from(Settings.referenceDefaults());
  }

  /**
   * Every cell in axis order, each cell's plan checked by the simulation's own loader, and the users it puts on the
   * embedded server at once against what that server takes ({@code cap}).
   *
   * @param tests receives SeqOrder's test names (the same in every cell: a sweep sets no test's name)
   */
  private static List<SweepPlan.Cell> cells(String source, ConfigObject base, boolean seqOrder, List<SweepPlan.Axis> axes,
      Map<String, List<ConfigValue>> axisValues, EmbeddedCap cap, Set<String> problems, List<String> tests) {
    List<Map<String, Integer>> grid = new ArrayList<>();
    grid.add(new LinkedHashMap<>());
    for (SweepPlan.Axis a : axes) {
      List<Map<String, Integer>> next = new ArrayList<>();
      for (Map<String, Integer> g : grid) {
        for (int i = 0; i < a.values().size(); i++) {
          Map<String, Integer> m = new LinkedHashMap<>(g);
          m.put(a.key(), i);
          next.add(m);
        }
      }
      grid = next;
    }
    List<SweepPlan.Cell> cells = new ArrayList<>();
    for (Map<String, Integer> g : grid) {
      ConfigObject plan = base;
      Map<String, Long> values = new LinkedHashMap<>();
      StringBuilder id = new StringBuilder();
      for (Map.Entry<String, Integer> e : g.entrySet()) {
        ConfigValue v = axisValues.get(e.getKey()).get(e.getValue());
        long value = ((Number) v.unwrapped()).longValue();
        values.put(e.getKey(), value);
        id.append(id.length() == 0 ? "" : "_").append(e.getKey()).append('-').append(value);
        plan = seqOrder ? seqOrderSet(plan, e.getKey(), v) : keyGenSet(plan, e.getKey(), v);
      }
      SweepPlan.Cell cell = new SweepPlan.Cell(id.toString(), values, plan, java.time.Duration.ZERO);
      ConfigValue users = g.containsKey("users") ? axisValues.get("users").get(g.get("users")) : null;
      java.time.Duration estimate = java.time.Duration.ZERO;
      try {
        if (seqOrder) {
          // a swept users value's excess is the cell's, named below; the plan's own users keep the single-run check
          Plan cellPlan = PlanLoader.parse(source, plan, PlanLoader.defaults(Settings.referenceDefaults()
              .getObject(PlanDefaults.SETTING)), users == null ? cap : cap.withoutUsersLimit());
          cellPlan.tests().forEach(t -> usersLimit(problems, source, users, cell, "test " + t.name() + ", "
              + t.scenarii().size() + " nodes, ", cap.embeddedUsers(t), cap));
          estimate = SweepEstimate.of(cellPlan);
          if (tests.isEmpty()) {
            cellPlan.tests().forEach(t -> tests.add(t.name()));
          }
        } else {
          KeyGenPlan cellPlan = KeyGenPlanLoader.parse(source, plan, null);
          boolean embedded = cap.embedded(cellPlan.target());
          usersLimit(problems, source, users == null ? plan.get("users") : users, users == null ? null : cell, "",
              embedded ? cellPlan.users() : 0, cap);
          estimate = SweepEstimate.of(cellPlan);
        }
      } catch (SequelaException.InvalidInput ex) {
        problems.addAll(List.of(ex.getMessage().split("\\R")));
      }
      cells.add(new SweepPlan.Cell(cell.id(), values, plan, estimate));
    }
    return cells;
  }

  /**
   * The users a cell puts on the embedded server at once against what it takes, as a single run checks them when its
   * plan loads (its connections less those reserved and sequela's own): one line at the swept value naming the cell, or,
   * when the plan's own {@code users} are too many, at that key (the same line for every cell).
   *
   * @param at the swept users value, or the plan's own {@code users}, or null
   * @param cell the cell whose swept value it is, or null for the plan's own key
   * @param detail what the users are, for the line ({@code test knee, 2 nodes, }), or empty
   * @param users the users on the embedded server at once
   */
  private static void usersLimit(Set<String> problems, String source, ConfigValue at, SweepPlan.Cell cell, String detail,
      long users, EmbeddedCap cap) {
    if (users <= cap.maxUsers()) {
      return;
    }
    Problems p = new Problems(source);
    p.add(at, cell == null ? "users" : KEY + ".users", "must put at most " + cap.maxUsers() + " users on the embedded"
        + " server at once (" + cap.reason() + "; -Dsequela.embedded.max_connections raises it), got " + users
        + (cell == null ? "" : " in cell " + cell.id() + " (" + detail + cell.label() + ")"));
    problems.addAll(p.lines());
  }

  /**
   * SeqOrder: {@code users} and {@code iterations} go into every scenario of every test, {@code sequence_cache} onto the
   * plan and every test that sets its own (a test's value would override the plan's).
   */
  private static ConfigObject seqOrderSet(ConfigObject plan, String key, ConfigValue v) {
    ConfigValue tests = plan.get("tests");
    if (key.equals("sequence_cache")) {
      plan = plan.withValue(key, v);
    }
    if (!(tests instanceof ConfigList list)) {
      return plan;
    }
    List<ConfigValue> newTests = new ArrayList<>();
    for (ConfigValue t : list) {
      if (!(t instanceof ConfigObject test)) {
        newTests.add(t);
        continue;
      }
      if (key.equals("sequence_cache")) {
        newTests.add(test.containsKey(key) ? test.withValue(key, v) : test);
        continue;
      }
      List<ConfigValue> scenarii = new ArrayList<>();
      if (test.get("scenarii") instanceof ConfigList sl) {
        for (ConfigValue sc : sl) {
          scenarii.add(sc instanceof ConfigObject so ? so.withValue(key, v) : sc);
        }
        test = test.withValue("scenarii", ConfigValueFactory.fromIterable(scenarii).withOrigin(sl.origin()));
      }
      newTests.add(test);
    }
    return plan.withValue("tests", ConfigValueFactory.fromIterable(newTests).withOrigin(tests.origin()));
  }

  private static ConfigObject keyGenSet(ConfigObject plan, String key, ConfigValue v) {
    ConfigValue value = key.equals("shared_buffers")
        ? ConfigValueFactory.fromAnyRef(((Number) v.unwrapped()).longValue() + "MB").withOrigin(v.origin()) : v;
    return plan.withValue(key, value);
  }

  static String render(ConfigValue v) {
    return v == null ? "nothing" : v.render(ConfigRenderOptions.concise());
  }
}

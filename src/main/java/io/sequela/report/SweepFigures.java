package io.sequela.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.sequela.config.SweepPlan;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sweep's figures: per cell the difference the sweep is about, read from the cell's own results JSON, and the rule
 * that names the knee (SeqOrder) or the tipping point (KeyGen) along the first axis, once per value of the second (and,
 * SeqOrder, per test).
 *
 * <ul>
 *   <li>SeqOrder: ORDER's cost per insert in every test of the plan, ORDER minus NOORDER median latency in µs with its
 *       interval (sequence-gaps.json {@code tests[i].comparison}); the knee of a test is the smallest value of the first
 *       axis at which that interval lies wholly above {@code threshold_us}. On Galera, whose ORDER stand-in hands out
 *       duplicates, the ORDER mode's KO rate and codes are shown beside it.</li>
 *   <li>KeyGen: every strategy's inserts/s (mean over its blocks, 95 % interval) and p99; the tipping point is the
 *       smallest value of the first axis at which the interval of uuid4's minus seq's inserts/s lies wholly below 0
 *       and uuid4's mean is at most {@code ratio} (default 0.5: half) of seq's.</li>
 * </ul>
 *
 * @param runId the sweep's run id
 * @param simulation {@link SweepPlan#SEQORDER} or {@link SweepPlan#KEYGEN}
 * @param axes the plan's axes
 * @param tests SeqOrder: the plan's test names, one heat map and one knee line per row each; KeyGen: empty
 * @param thresholdUs SeqOrder's knee threshold, µs
 * @param ratio KeyGen's tipping ratio (0..1]
 * @param seed the run order's seed
 * @param order the cells' ids in run order
 * @param cells every cell in axis order, with or without a result
 * @param knees per test (SeqOrder) and value of the second axis (one entry per test for one axis) where the rule was
 *     first met, or not
 */
public record SweepFigures(String runId, String simulation, List<SweepPlan.Axis> axes, List<String> tests,
    double thresholdUs, double ratio, long seed, List<String> order, List<Cell> cells, List<Knee> knees) {

  public SweepFigures {
    axes = List.copyOf(axes);
    tests = List.copyOf(tests);
    order = List.copyOf(order);
    cells = List.copyOf(cells);
    knees = List.copyOf(knees);
  }

  /**
   * One strategy's figures in a KeyGen cell.
   *
   * @param insertsPerS mean inserts/s over its blocks
   * @param low lower end of its 95 % interval, inserts/s, or null (fewer than 3 blocks)
   * @param high upper end, inserts/s, or null
   * @param p99Us p99 latency, µs (median over the blocks), or null
   * @param note the strategy's note in the cell's results (e.g. why it has no p99: a block without an OK insert), or
   *     null
   */
  public record Strategy(double insertsPerS, Double low, Double high, Long p99Us, String note) {}

  /**
   * The difference a cell measures: SeqOrder one per test, KeyGen one.
   *
   * @param test SeqOrder: the test's name; KeyGen: null
   * @param diff SeqOrder: ORDER minus NOORDER median latency, µs; KeyGen: uuid4's minus seq's inserts/s; null if none
   * @param low lower end of diff's 95 % interval, or null
   * @param high upper end, or null
   * @param verdict the difference in words (SeqOrder: the run's own verdict), or null
   * @param koRate SeqOrder: the ORDER mode's KOs over its requests (0..1), or null
   * @param koByCode SeqOrder: the ORDER mode's KOs by code
   * @param reached true when it meets the knee or tipping rule
   */
  public record Difference(String test, Double diff, Double low, Double high, String verdict, Double koRate,
      Map<String, Long> koByCode, boolean reached) {

    public Difference {
      koByCode = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(koByCode));
    }

    /** True when the interval of the difference includes 0 (or there is none): no measurable difference. */
    public boolean noMeasurableDifference() {
      return low == null || high == null || low <= 0 && high >= 0;
    }
  }

  /**
   * One cell.
   *
   * @param id the cell's id (its file name in cells/)
   * @param values axis key to value
   * @param cellRunId the run id of the cell's own Gatling run, or null when the cell has no result
   * @param differences SeqOrder: one per test of the plan, in its order (a test missing from the results has an empty
   *     one); KeyGen: one; empty without a result
   * @param strategies KeyGen: strategy name to its figures, in the cell's order
   */
  public record Cell(String id, Map<String, Long> values, String cellRunId, List<Difference> differences,
      Map<String, Strategy> strategies) {

    public Cell {
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
      differences = List.copyOf(differences);
      strategies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(strategies));
    }

    /** True when the cell has a result. */
    public boolean measured() {
      return cellRunId != null;
    }

    /** The difference of test {@code i} (KeyGen: 0), or null when the cell has none. */
    public Difference difference(int i) {
      return i < differences.size() ? differences.get(i) : null;
    }

    /** The verdicts in words, the test's name before each when there are several; null without any. */
    public String verdicts() {
      List<String> out = new ArrayList<>();
      for (Difference d : differences) {
        if (d.verdict() != null) {
          out.add(differences.size() > 1 ? d.test() + ": " + d.verdict() : d.verdict());
        }
      }
      return out.isEmpty() ? null : String.join("; ", out);
    }
  }

  /**
   * Where the rule was first met along the first axis.
   *
   * @param test SeqOrder: the test's name; KeyGen: null
   * @param rowKey the second axis' key, or null with one axis
   * @param rowValue its value, or null with one axis
   * @param value the smallest value of the first axis that meets the rule, or null when none did in the grid
   * @param below the largest value of the first axis under {@code value} that was measured and did not, or null
   * @param measured cells of the row with a result
   */
  public record Knee(String test, String rowKey, Long rowValue, Long value, Long below, int measured) {}

  /**
   * The figures of a sweep.
   *
   * @param results cell id to its results JSON (sequence-gaps.json or key-generation.json); a cell missing here has
   *     no result yet
   */
  public static SweepFigures of(String runId, SweepPlan plan, List<String> order, Map<String, JsonNode> results) {
    boolean seqOrder = plan.simulation().equals(SweepPlan.SEQORDER);
    List<Cell> cells = new ArrayList<>();
    for (SweepPlan.Cell c : plan.cells()) {
      JsonNode r = results.get(c.id());
      cells.add(r == null ? new Cell(c.id(), c.values(), null, List.of(), Map.of())
          : seqOrder ? seqOrderCell(c, r, plan.tests(), plan.thresholdUs()) : keyGenCell(c, r, plan.ratio()));
    }
    List<String> tests = seqOrder ? plan.tests() : List.of();
    return new SweepFigures(runId, plan.simulation(), plan.axes(), tests, plan.thresholdUs(), plan.ratio(), plan.seed(),
        order, cells, knees(plan.axes(), tests, cells));
  }

  /** A SeqOrder cell: each of the plan's tests found in the results by its name. */
  static Cell seqOrderCell(SweepPlan.Cell c, JsonNode r, List<String> tests, double thresholdUs) {
    List<Difference> differences = new ArrayList<>();
    for (int i = 0; i < tests.size(); i++) {
      JsonNode test = r.path("tests").path(i);
      for (JsonNode t : r.path("tests")) {
        if (tests.get(i).equals(t.path("test_name").asText())) {
          test = t;
        }
      }
      differences.add(orderCost(tests.get(i), test, thresholdUs));
    }
    return new Cell(c.id(), c.values(), runId(r), differences, Map.of());
  }

  /** ORDER minus NOORDER in one test of sequence-gaps.json, and the ORDER mode's KOs. */
  private static Difference orderCost(String name, JsonNode test, double thresholdUs) {
    JsonNode cmp = test.path("comparison");
    Double diff = number(cmp.get("median_latency_diff_us"));
    Double[] ci = interval(cmp, "median_latency_diff");
    String verdict = cmp.hasNonNull("verdict") ? cmp.get("verdict").asText() : null;
    JsonNode order = test.path("modes").path("ORDER");
    Double koRate = null;
    Map<String, Long> codes = new LinkedHashMap<>();
    if (order.has("ko")) {
      long ko = order.path("ko").asLong();
      long rows = order.path("rows").asLong();
      koRate = ko + rows == 0 ? null : ko / (double) (ko + rows);
      for (Iterator<Map.Entry<String, JsonNode>> it = order.path("ko_by_code").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        codes.put(e.getKey(), e.getValue().asLong());
      }
    }
    boolean reached = ci[0] != null && ci[0] > thresholdUs;
    return new Difference(name, diff, ci[0], ci[1], verdict, koRate, codes, reached);
  }

  static Cell keyGenCell(SweepPlan.Cell c, JsonNode r, double ratio) {
    Map<String, Strategy> strategies = new LinkedHashMap<>();
    for (JsonNode s : r.path("strategies")) {
      strategies.put(s.path("name").asText(), new Strategy(s.path("inserts_per_s").asDouble(),
          number(s.get("inserts_per_s_low")), number(s.get("inserts_per_s_high")),
          s.hasNonNull("p99_us") ? s.get("p99_us").asLong() : null,
          s.hasNonNull("note") ? s.get("note").asText() : null));
    }
    Double diff = null;
    Double low = null;
    Double high = null;
    for (JsonNode p : r.path("comparisons")) {
      String a = p.path("a").asText();
      String b = p.path("b").asText();
      Double d = number(p.get("inserts_per_s_diff"));
      Double l = number(p.get("inserts_per_s_low"));
      Double h = number(p.get("inserts_per_s_high"));
      if (a.equals("seq") && b.equals("uuid4")) {
        diff = d;
        low = l;
        high = h;
      } else if (a.equals("uuid4") && b.equals("seq")) {
        diff = d == null ? null : -d;
        low = h == null ? null : -h;
        high = l == null ? null : -l;
      }
    }
    Strategy seq = strategies.get("seq");
    Strategy uuid4 = strategies.get("uuid4");
    boolean reached = high != null && high < 0 && seq != null && uuid4 != null
        && uuid4.insertsPerS() <= ratio * seq.insertsPerS();
    String verdict = seq == null || uuid4 == null ? "seq or uuid4 not measured"
        : String.format(Locale.ROOT, "uuid4 %s of seq's inserts/s", percent(uuid4.insertsPerS() / seq.insertsPerS()));
    return new Cell(c.id(), c.values(), runId(r), List.of(new Difference(null, diff, low, high, verdict, null, Map.of(),
        reached)), strategies);
  }

  /**
   * Per test (SeqOrder; KeyGen: once) and value of the second axis (or once), the smallest first-axis value whose cell
   * meets the rule.
   */
  static List<Knee> knees(List<SweepPlan.Axis> axes, List<String> tests, List<Cell> cells) {
    SweepPlan.Axis x = axes.get(0);
    List<Long> xs = x.values().stream().sorted().toList();
    List<Long> rows = axes.size() > 1 ? axes.get(1).values() : java.util.Collections.singletonList(null);
    String rowKey = axes.size() > 1 ? axes.get(1).key() : null;
    List<String> names = tests.isEmpty() ? java.util.Collections.singletonList(null) : tests;
    List<Knee> out = new ArrayList<>();
    for (int t = 0; t < names.size(); t++) {
      for (Long row : rows) {
        Long found = null;
        Long below = null;
        int measured = 0;
        for (Long v : xs) {
          Cell c = cells.stream().filter(cell -> v.equals(cell.values().get(x.key()))
              && (rowKey == null || row.equals(cell.values().get(rowKey)))).findFirst().orElse(null);
          if (c == null || !c.measured()) {
            continue;
          }
          measured++;
          Difference d = c.difference(t);
          if (d != null && d.reached() && found == null) {
            found = v;
          } else if (found == null) {
            below = v;
          }
        }
        out.add(new Knee(names.get(t), rowKey, row, found, below, measured));
      }
    }
    return out;
  }

  /** The knee or tipping point line(s), one sentence per test and row of the grid. */
  public List<String> kneeLines() {
    boolean seqOrder = simulation.equals(SweepPlan.SEQORDER);
    String x = axes.get(0).key();
    String rule = seqOrder
        ? String.format(Locale.ROOT, "ORDER's cost per insert above %s µs (its whole interval)", Html.number(thresholdUs))
        : String.format(Locale.ROOT, "uuid4's inserts/s at most %s of seq's, the interval of the difference below 0",
            percent(ratio));
    List<String> lines = new ArrayList<>();
    for (Knee k : knees) {
      String where = (tests.size() > 1 ? " in test " + k.test() : "")
          + (k.rowKey() == null ? "" : " at " + k.rowKey() + " = " + Html.number(k.rowValue()));
      String what = seqOrder ? "Knee" : "Tipping point";
      if (k.measured() == 0) {
        lines.add(what + where + ": no cell measured yet");
      } else if (k.value() == null) {
        lines.add(what + where + ": not reached in this grid (" + rule + " in none of " + k.measured() + " cells, up to "
            + x + " = " + Html.number(axes.get(0).values().stream().max(Long::compare).orElse(0L)) + ")");
      } else {
        lines.add(what + where + ": " + x + " = " + Html.number(k.value()) + (k.below() == null
            ? " (the smallest value in the grid)" : ", between " + x + " = " + Html.number(k.below()) + " (not yet) and "
            + Html.number(k.value())) + ": " + rule);
      }
    }
    return lines;
  }

  private static String runId(JsonNode r) {
    return r.hasNonNull("run_id") ? r.get("run_id").asText() : "";
  }

  /** An interval as {@code <name>_ci_us: [low, high]}, or {@code <name>_low_us} / {@code <name>_high_us}. */
  private static Double[] interval(JsonNode o, String name) {
    JsonNode ci = o.get(name + "_ci_us");
    if (ci != null && ci.isArray() && ci.size() == 2) {
      return new Double[] {number(ci.get(0)), number(ci.get(1))};
    }
    return new Double[] {number(o.get(name + "_low_us")), number(o.get(name + "_high_us"))};
  }

  static Double number(JsonNode n) {
    return n == null || !n.isNumber() ? null : n.asDouble();
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f %%", share * 100);
  }
}

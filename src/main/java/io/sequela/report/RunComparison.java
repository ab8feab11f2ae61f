package io.sequela.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Two runs side by side: per figure both values and the difference (second minus first), with an interval where
 * both runs give a confidence interval, and the warnings that make the comparison loose (another plan, target,
 * design or database, a figure only one run has).
 *
 * <p>The interval of a difference of two independent estimates, each with its own 95 % interval, is recovered from
 * the two intervals (MOVER, Zou and Donner 2008): with d = b - a, lower = d - sqrt((b - b_low)^2 + (a_high - a)^2) and
 * upper = d + sqrt((b_high - b)^2 + (a - a_low)^2). It assumes the runs are independent (they are: separate runs) and
 * takes each interval's two sides apart, so a skewed interval stays skewed. A min..max range (KeyGen's rounds) is no
 * confidence interval: its difference gets none.
 *
 * @param first the first run (the older, or the baseline)
 * @param second the second run
 * @param pairs per figure of either run, in the first run's order then the second's new ones
 * @param warnings why the two runs compare loosely, empty when they ran the same plan, target and design
 */
public record RunComparison(RunResult first, RunResult second, List<Pair> pairs, List<String> warnings) {

  /** The identity keys whose difference makes a comparison loose, with how a warning names them. */
  private static final Map<String, String> CHECKED = new LinkedHashMap<>(Map.of("plan_hash", "plan (its hash)",
      "target", "target", "design", "experiment design", "dialect", "database"));

  public RunComparison {
    pairs = List.copyOf(pairs);
    warnings = List.copyOf(warnings);
  }

  /**
   * One figure of both runs.
   *
   * @param key the figure's key
   * @param name its human name
   * @param a the first run's figure, or null when it has none
   * @param b the second run's, or null
   * @param difference b - a, or null when either is missing
   * @param low the difference's interval, lower end (MOVER), or null
   * @param high its upper end, or null
   */
  public record Pair(String key, String name, RunResult.Figure a, RunResult.Figure b, Double difference, Double low,
      Double high) {

    /** The difference in percent of the first run's value, or null when it is 0 or missing. */
    public Double percent() {
      return difference == null || a.value() == 0 ? null : 100 * difference / Math.abs(a.value());
    }
  }

  /**
   * Compares two parsed runs.
   *
   * @throws IllegalArgumentException when they are runs of different simulations
   */
  public static RunComparison of(RunResult first, RunResult second) {
    if (!first.simulation().equals(second.simulation())) {
      throw new IllegalArgumentException("runs of different simulations: " + first.simulation() + " and "
          + second.simulation());
    }
    List<String> warnings = new ArrayList<>();
    for (Map.Entry<String, String> k : CHECKED.entrySet()) {
      String a = first.identity().get(k.getKey());
      String b = second.identity().get(k.getKey());
      if (a != null && b != null && !a.equals(b)) {
        warnings.add("The runs differ in " + k.getValue() + ": " + show(a) + " against " + show(b) + ".");
      }
    }
    for (String k : List.of("plan_hash", "target", "design")) {
      if (!first.identity().containsKey(k) || !second.identity().containsKey(k)) {
        warnings.add("Plan, target and design could not all be checked: a run folder has no " + RunResult.RUN_JSON
            + " (written by runs since issue 27).");
        break;
      }
    }
    Map<String, RunResult.Figure> a = index(first);
    Map<String, RunResult.Figure> b = index(second);
    Set<String> keys = new LinkedHashSet<>(a.keySet());
    keys.addAll(b.keySet());
    List<Pair> pairs = new ArrayList<>();
    List<String> oneSided = new ArrayList<>();
    for (String k : keys) {
      RunResult.Figure fa = a.get(k);
      RunResult.Figure fb = b.get(k);
      if (fa == null || fb == null) {
        oneSided.add(k);
      }
      pairs.add(pair(k, fa, fb));
    }
    if (!oneSided.isEmpty()) {
      warnings.add(oneSided.size() + " figure(s) only one run has, e.g. " + oneSided.get(0)
          + " (another plan shape: tests, modes, nodes or strategies).");
    }
    return new RunComparison(first, second, pairs, warnings);
  }

  private static Pair pair(String key, RunResult.Figure fa, RunResult.Figure fb) {
    String name = (fb != null ? fb : fa).name();
    if (fa == null || fb == null || fa.value() == null || fb.value() == null) {
      return new Pair(key, name, fa, fb, null, null, null);
    }
    double d = fb.value() - fa.value();
    if (fa.hasInterval() && fb.hasInterval() && fa.confidence() && fb.confidence()) {
      double lo = d - Math.hypot(fb.value() - fb.low(), fa.high() - fa.value());
      double hi = d + Math.hypot(fb.high() - fb.value(), fa.value() - fa.low());
      return new Pair(key, name, fa, fb, d, lo, hi);
    }
    return new Pair(key, name, fa, fb, d, null, null);
  }

  private static Map<String, RunResult.Figure> index(RunResult r) {
    Map<String, RunResult.Figure> m = new LinkedHashMap<>();
    r.figures().forEach(f -> m.putIfAbsent(f.key(), f));
    return m;
  }

  private static String show(String v) {
    return Objects.requireNonNullElse(v, "").isEmpty() ? "(none)" : "'" + v + "'";
  }
}

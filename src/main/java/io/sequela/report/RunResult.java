package io.sequela.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.sequela.SequelaException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's results as {@code sequela compare} takes them, parsed from the run's own JSON (sequence-gaps.json,
 * key-generation.json or query-stats.json) and its identity ({@link #RUN_JSON}): the simulation, the run id, what
 * identifies the run (plan, plan hash, target, design, dialect), its verdicts in words and its figures, each with
 * its interval where the JSON gives one.
 *
 * @param simulation SeqOrderSimulation, KeyGenSimulation or QueryBenchSimulation
 * @param runId the run id, or empty when neither file holds one
 * @param identity plan, plan_hash, target, design, dialect, commit, server_version: the keys the files hold
 * @param verdicts the verdicts in words, e.g. {@code 70_30_ratio: ORDER costs +12 µs per insert ...}
 * @param figures the figures, in the JSON's order
 */
public record RunResult(String simulation, String runId, Map<String, String> identity, List<String> verdicts,
    List<Figure> figures) {

  /** The run's identity in the run folder, written after every run: what the history row says of the run. */
  public static final String RUN_JSON = "sequela-run.json";
  /** The results file of each simulation, in the run folder. */
  public static final Map<String, String> FILES = Map.of(SequenceGapsReport.JSON, "SeqOrderSimulation",
      KeyGenReport.JSON, "KeyGenSimulation", QueryStatsReport.JSON, "QueryBenchSimulation");

  private static final Map<String, String> COMPARISON = Map.of(
      "median_latency_diff_us", "ORDER \u2212 NOORDER median latency (\u00b5s)",
      "mean_latency_diff_us", "ORDER \u2212 NOORDER mean latency (\u00b5s)",
      "throughput_diff_pct", "ORDER throughput against NOORDER (%)",
      "mean_latency_ratio", "ORDER / NOORDER mean latency", "p99_latency_ratio", "ORDER / NOORDER p99 latency",
      "throughput_ratio", "ORDER / NOORDER throughput", "inversions_total_diff", "ORDER \u2212 NOORDER inversions",
      "inversions_adjacent_diff", "ORDER \u2212 NOORDER adjacent inversions", "gap_count_diff", "ORDER \u2212 NOORDER gaps",
      "missing_diff", "ORDER \u2212 NOORDER missing ids");

  public RunResult {
    identity = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(identity));
    verdicts = List.copyOf(verdicts);
    figures = List.copyOf(figures);
  }

  /**
   * One figure of a run.
   *
   * @param key what identifies it in both runs, e.g. {@code 70_30_ratio ORDER node 1 p99_us}
   * @param name its human name, e.g. {@code 70_30_ratio ORDER p99 (µs), node 1}
   * @param value the value, or null when not measured
   * @param low the lower end of its interval, or null
   * @param high the upper end, or null
   * @param confidence true when low..high is a confidence interval (95 %), false for a range such as min..max over
   *     rounds
   */
  public record Figure(String key, String name, Double value, Double low, Double high, boolean confidence) {

    static Figure of(String key, String name, JsonNode v) {
      return new Figure(key, name, number(v), null, null, false);
    }

    boolean hasInterval() {
      return value != null && low != null && high != null;
    }
  }

  /**
   * Parses a run's results.
   *
   * @param file the results file's name ({@link #FILES})
   * @param results its JSON tree
   * @param stamp the run's {@link #RUN_JSON} tree, or null when the folder has none (runs before it was written)
   * @throws SequelaException.InvalidInput when the file is not one of {@link #FILES}
   */
  public static RunResult of(String file, JsonNode results, JsonNode stamp) {
    String simulation = FILES.get(file);
    if (simulation == null) {
      throw new SequelaException.InvalidInput(file + ": not a sequela results file (" + String.join(", ", FILES.keySet()) + ")");
    }
    Map<String, String> identity = new LinkedHashMap<>();
    if (stamp != null) {
      for (String k : List.of("plan", "plan_hash", "target", "design", "commit", "server_version")) {
        if (stamp.hasNonNull(k)) {
          identity.put(k, stamp.get(k).asText());
        }
      }
    }
    if (results.hasNonNull("dialect")) {
      identity.put("dialect", results.get("dialect").asText());
    }
    String runId = results.hasNonNull("run_id") ? results.get("run_id").asText()
        : stamp != null && stamp.hasNonNull("run_id") ? stamp.get("run_id").asText() : "";
    List<String> verdicts = new ArrayList<>();
    List<Figure> figures = new ArrayList<>();
    switch (simulation) {
      case "SeqOrderSimulation" -> seqOrder(results, verdicts, figures);
      case "KeyGenSimulation" -> keyGen(results, verdicts, figures);
      default -> queryBench(results, verdicts, figures);
    }
    return new RunResult(simulation, runId, identity, verdicts, figures);
  }

  private static void seqOrder(JsonNode r, List<String> verdicts, List<Figure> figures) {
    for (JsonNode t : r.path("tests")) {
      String test = t.path("test_name").asText();
      JsonNode c = t.path("comparison");
      if (c.hasNonNull("verdict")) {
        verdicts.add(test + ": " + c.get("verdict").asText());
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String k = e.getKey();
        if ((e.getValue().isNumber() || e.getValue().isNull()) && !k.contains("_ci") && !k.startsWith("ci_") && !k.equals("verdict")) {
          JsonNode ci = intervalOf(c, k);
          figures.add(new Figure(test + " " + k, test + " " + COMPARISON.getOrDefault(k, k.replace('_', ' ')), number(e.getValue()),
              ci == null ? null : number(ci.get(0)), ci == null ? null : number(ci.get(1)), ci != null));
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> modes = t.path("modes").fields(); modes.hasNext(); ) {
        Map.Entry<String, JsonNode> m = modes.next();
        String scope = test + " " + m.getKey();
        JsonNode mode = m.getValue();
        for (String[] f : new String[][] {{"rows", "rows"}, {"ko", "KOs"}, {"rows_per_s", "throughput (rows/s)"},
            {"gap_count", "gaps"}, {"missing", "missing ids"}, {"duplicate_ids", "duplicate ids"},
            {"inversions_total", "inversions"}}) {
          figures.add(Figure.of(scope + " " + f[0], scope + " " + f[1], mode.get(f[0])));
        }
        for (Iterator<Map.Entry<String, JsonNode>> nodes = mode.path("nodes").fields(); nodes.hasNext(); ) {
          Map.Entry<String, JsonNode> n = nodes.next();
          for (String[] f : new String[][] {{"p50_us", "p50 (µs)"}, {"p99_us", "p99 (µs)"}, {"rows_per_s", "throughput (rows/s)"},
              {"ko", "KOs"}}) {
            figures.add(Figure.of(scope + " node " + n.getKey() + " " + f[0], scope + " " + f[1] + ", node " + n.getKey(),
                n.getValue().get(f[0])));
          }
        }
      }
    }
  }

  /** The interval array of a figure: {@code <stem>_ci_<unit>} beside {@code <stem>_<unit>}, or {@code <key>_ci}. */
  private static JsonNode intervalOf(JsonNode parent, String key) {
    int u = key.lastIndexOf('_');
    List<String> names = new ArrayList<>(List.of(key + "_ci"));
    if (u > 0) {
      names.add(key.substring(0, u) + "_ci" + key.substring(u));
    }
    for (String n : names) {
      JsonNode ci = parent.get(n);
      if (ci != null && ci.isArray() && ci.size() == 2 && ci.get(0).isNumber() && ci.get(1).isNumber()) {
        return ci;
      }
    }
    return null;
  }

  private static void keyGen(JsonNode r, List<String> verdicts, List<Figure> figures) {
    List<String> ranks = new ArrayList<>();
    for (JsonNode p : r.path("ranking")) {
      ranks.add(p.path("rank").asText() + ". " + p.path("name").asText());
    }
    if (!ranks.isEmpty()) {
      verdicts.add("ranking by median inserts/s: " + String.join(", ", ranks));
    }
    for (JsonNode s : r.path("strategies")) {
      String name = s.path("name").asText();
      JsonNode ci = intervalOf(s, "inserts_per_s");
      Double min = number(s.get("inserts_per_s_min"));
      Double max = number(s.get("inserts_per_s_max"));
      figures.add(ci != null
          ? new Figure(name + " inserts_per_s", name + " inserts/s", number(s.get("inserts_per_s")), number(ci.get(0)),
              number(ci.get(1)), true)
          : new Figure(name + " inserts_per_s", name + " inserts/s (median over the rounds, min..max)",
              number(s.get("inserts_per_s")), min, max, false));
      for (String[] f : new String[][] {{"p50_us", "p50 (µs)"}, {"p99_us", "p99 (µs)"}, {"rows", "rows"}, {"ko", "KOs"},
          {"duplicates", "duplicate ids"}}) {
        figures.add(Figure.of(name + " " + f[0], name + " " + f[1], s.get(f[0])));
      }
    }
  }

  private static void queryBench(JsonNode r, List<String> verdicts, List<Figure> figures) {
    verdicts.add("median " + r.path("median_ms").asText() + " ms, p99 " + r.path("p99_ms").asText() + " ms over "
        + r.path("queries").asText() + " queries, " + r.path("errors").asText() + " failed");
    for (String[] f : new String[][] {{"median_ms", "median query time (ms)"}, {"avg_ms", "mean query time (ms)"},
        {"p95_ms", "p95 query time (ms)"}, {"p99_ms", "p99 query time (ms)"}, {"max_ms", "max query time (ms)"},
        {"queries", "queries"}, {"errors", "errors (failed queries)"}, {"rows_returned", "rows returned"},
        {"wall_ms", "wall-clock time (ms)"}, {"imbalance", "imbalance (busiest / mean busy)"}}) {
      figures.add(Figure.of(f[0], f[1], r.get(f[0])));
    }
  }

  private static Double number(JsonNode v) {
    return v == null || !v.isNumber() ? null : v.asDouble();
  }
}

package io.sequela.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sequela.gaps.Comparison;
import io.sequela.gaps.GapAnalysisResult;
import io.sequela.gaps.GapHistogram;
import io.sequela.stats.LatencySummary;
import io.sequela.gaps.Latencies;
import io.sequela.gaps.ModeFigures;
import io.sequela.gaps.NodeFigures;
import io.sequela.gaps.NodeSessions;
import io.sequela.gaps.RunNotes;
import io.sequela.gaps.StageStatus;
import io.sequela.stats.DifferenceInterval;
import io.sequela.gaps.TestFigures;
import io.sequela.design.DesignResult;
import java.util.Map;
import java.util.Optional;

/**
 * The tree of {@code sequence-gaps.json}: {@code run_id}, {@code dialect}, {@code time_basis},
 * {@code latency_source}, {@code injectors} (the load-generator JVMs whose rows it holds) and {@code tests}, a list of {@code {test_name, modes: {ORDER: {...}, NOORDER: {...},
 * AUTO_INCREMENT: {...}}, comparison}}. Keys are snake_case; latencies in µs ({@code *_us}; the older {@code *_ms}
 * keys are the same figures / 1,000); throughput in rows/s; a figure that cannot be computed is null. Each mode
 * and node has {@code ko} and {@code ko_by_code} ({@code {"<vendor code or SQLSTATE>": count}}, from
 * simulation.log); each mode {@code id_step} and {@code missing_by_design} (values of other nodes' residue
 * classes under Galera, not counted in {@code missing} or the gaps). With the run's notes, also
 * {@code cut_short} (why the run was stopped before its end, or null), {@code database_note} (why the database's
 * figures are missing, or null), {@code stages} (every planned stage: {@code status} ran, cut short or not run,
 * {@code reason}, {@code mode_verified} and what the sequence read back: {@code sequence_cache} and, on Oracle,
 * {@code order_flag}; {@code ko} and {@code ko_by_code}), and each mode's {@code mode_verified} and read-back.
 * {@code mode_verified} is null for a mode that uses no sequence (AUTO_INCREMENT).
 */
final class SequenceGapsJson {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** How the intervals were computed, in the JSON beside them. */
  static final String CI_METHOD = "percentile bootstrap, " + DifferenceInterval.RESAMPLES + " resamples, seed "
      + DifferenceInterval.SEED + " (docs/gap-analysis.md)";

  private SequenceGapsJson() {}

  /** The JSON tree of a one-injector run's figures joined with its latencies. */
  public static ObjectNode of(GapAnalysisResult result, Latencies latencies) {
    return of(result, latencies, 1);
  }

  /**
   * The JSON tree of a run's figures joined with its latencies.
   *
   * @param injectors how many injectors drove the run, at least 1
   */
  public static ObjectNode of(GapAnalysisResult result, Latencies latencies, int injectors) {
    return of(result, latencies, injectors, RunNotes.none());
  }

  /**
   * The JSON tree of a run's figures joined with its latencies and what the run says about its stages.
   *
   * @param injectors how many injectors drove the run, at least 1
   * @param notes the stages' status and read-back, a cut-short run ({@link RunNotes#none()} for none)
   */
  public static ObjectNode of(GapAnalysisResult result, Latencies latencies, int injectors, RunNotes notes) {
    return of(result, latencies, injectors, notes, Map.of());
  }

  /**
   * As {@link #of(GapAnalysisResult, Latencies, int, RunNotes)}, with each test's experiment design: {@code design}
   * (stamp, order, warm-ups, blocks) and the verdict keys of {@code comparison} from the paired blocks.
   */
  public static ObjectNode of(GapAnalysisResult result, Latencies latencies, int injectors, RunNotes notes,
      Map<String, DesignResult> designs) {
    ObjectNode root = F.objectNode();
    root.put("run_id", result.runId());
    root.put("dialect", result.dialect());
    root.put("time_basis", result.timeBasis().name());
    root.put("injectors", injectors);
    root.put("latency_source", latencies.source().name().toLowerCase(java.util.Locale.ROOT));
    root.put("cut_short", notes.cutShort());
    root.put("database_note", notes.databaseNote());
    var stages = root.putArray("stages");
    for (StageStatus s : notes.stages()) {
      ObjectNode o = stages.addObject();
      o.put("test_name", s.test());
      o.put("mode", s.mode().name());
      o.put("variant", s.variant());
      o.put("block", s.block());
      o.put("status", s.state().label());
      o.put("reason", s.reason());
      readBack(o, s);
      koByCode(o, latencies.koByCode(s.test(), s.mode()));
    }
    var tests = root.putArray("tests");
    for (TestFigures t : result.tests()) {
      ObjectNode test = tests.addObject();
      test.put("test_name", t.testName());
      ObjectNode modes = test.putObject("modes");
      t.modes().values().stream().sorted((a, b) -> a.mode().compareTo(b.mode()))
          .forEach(m -> modes.set(m.mode().name(), mode(t.testName(), m, result, latencies, notes)));
      Optional<Comparison> c = Comparison.of(t, latencies);
      DesignResult d = designs.get(t.testName());
      ObjectNode comparison = c.map(SequenceGapsJson::comparison).orElse(null);
      if (d != null) {
        comparison = comparison == null ? F.objectNode() : comparison;
        DesignSection.verdictKeys(comparison, d);
        test.set("design", DesignSection.json(d));
      }
      test.set("comparison", comparison);
    }
    return root;
  }

  private static ObjectNode mode(String test, ModeFigures m, GapAnalysisResult r, Latencies latencies, RunNotes notes) {
    ObjectNode o = F.objectNode();
    o.put("time_basis", r.timeBasis().name());
    notes.stages().stream().filter(s -> s.test().equals(test) && s.mode() == m.mode()).findFirst()
        .ifPresent(s -> readBack(o, s));
    o.put("rows", m.rows());
    o.put("distinct_ids", m.distinctIds());
    o.put("duplicate_ids", m.duplicateIds());
    o.put("min_id", m.minId());
    o.put("max_id", m.maxId());
    o.put("span", m.span());
    o.put("missing", m.missing());
    o.put("id_step", m.idStep());
    o.put("missing_by_design", m.missingByDesign());
    o.put("gap_count", m.gapCount());
    o.put("largest_gap", m.largestGap());
    o.put("inversions_adjacent", m.order().adjacentInversions());
    o.put("inversions_total", m.order().totalInversions());
    o.put("inversions_cross_node", m.order().crossNodeInversions());
    o.put("inversions_same_node", m.order().sameNodeInversions());
    o.put("max_displacement", m.order().maxDisplacement());
    o.put("islands", m.islands());
    o.put("mean_island_length", m.meanIslandLength());
    o.put("node_switches", m.nodeSwitches());
    o.put("rows_per_s", m.rowsPerSecond());
    koByCode(o, latencies.koByCode(test, m.mode()));
    ObjectNode gaps = o.putObject("gap_sizes");
    for (int i = 0; i < GapHistogram.BUCKETS.size(); i++) {
      gaps.put(GapHistogram.BUCKETS.get(i).label(), m.gapSizes().counts().get(i));
    }
    if (!m.blocks().isEmpty()) {
      var blocks = o.putArray("blocks");
      for (ModeFigures b : m.blocks()) {
        ObjectNode x = blocks.addObject();
        x.put("block", b.block());
        x.put("rows", b.rows());
        x.put("distinct_ids", b.distinctIds());
        x.put("duplicate_ids", b.duplicateIds());
        x.put("min_id", b.minId());
        x.put("max_id", b.maxId());
        x.put("span", b.span());
        x.put("missing", b.missing());
        x.put("missing_by_design", b.missingByDesign());
        x.put("gap_count", b.gapCount());
        x.put("largest_gap", b.largestGap());
        x.put("inversions_adjacent", b.order().adjacentInversions());
        x.put("inversions_total", b.order().totalInversions());
        x.put("inversions_cross_node", b.order().crossNodeInversions());
        x.put("inversions_same_node", b.order().sameNodeInversions());
        x.put("max_displacement", b.order().maxDisplacement());
        x.put("islands", b.islands());
        x.put("node_switches", b.nodeSwitches());
        x.put("rows_per_s", b.rowsPerSecond());
      }
    }
    ObjectNode nodes = o.putObject("nodes");
    m.nodes().values().stream().sorted((a, b) -> Integer.compare(a.node(), b.node()))
        .forEach(n -> nodes.set(Integer.toString(n.node()), node(n, latencies.node(test, m.mode(), n.node()),
            latencies.commit(test, m.mode(), n.node()), Optional.ofNullable(m.sessions().get(n.node())),
            latencies.koByCode(test, m.mode(), n.node()))));
    return o;
  }

  /** {@code mode_verified}, {@code sequence_cache} and, where the database has one, {@code order_flag}. */
  private static void readBack(ObjectNode o, StageStatus s) {
    if (!s.usesSequence()) {
      o.putNull("mode_verified");
      return;
    }
    o.put("mode_verified", s.modeVerified());
    o.put("sequence_cache", s.modeVerified() ? s.readBack().cacheSize() : null);
    if (s.modeVerified() && s.readBack().orderFlag() != null) {
      o.put("order_flag", s.readBack().orderFlag());
    }
  }

  private static void koByCode(ObjectNode o, Map<String, Long> codes) {
    o.put("ko", codes.values().stream().mapToLong(Long::longValue).sum());
    ObjectNode byCode = o.putObject("ko_by_code");
    codes.forEach(byCode::put);
  }

  private static ObjectNode node(NodeFigures n, Optional<LatencySummary> latency, Optional<LatencySummary> commit,
      Optional<NodeSessions> sessions, Map<String, Long> koCodes) {
    ObjectNode o = F.objectNode();
    o.put("rows", n.rows());
    o.put("min_id", n.minId());
    o.put("max_id", n.maxId());
    latencyUs(o, latency);
    o.put("mean_ms", latency.map(LatencySummary::meanMs).orElse(null));
    o.put("p50_ms", latency.map(LatencySummary::p50Ms).orElse(null));
    o.put("p95_ms", latency.map(LatencySummary::p95Ms).orElse(null));
    o.put("p99_ms", latency.map(LatencySummary::p99Ms).orElse(null));
    o.put("max_ms", latency.map(LatencySummary::maxMs).orElse(null));
    o.put("rows_per_s", n.rowsPerSecond());
    koByCode(o, koCodes);
    o.put("sessions", sessions.map(NodeSessions::sessions).orElse(null));
    if (sessions.isPresent() && !sessions.get().instances().isEmpty()) {
      ObjectNode inst = o.putObject("instances");
      sessions.get().instances().forEach(inst::put);
    } else {
      o.putNull("instances");
    }
    o.put("misrouted_rows", sessions.map(NodeSessions::misroutedRows).orElse(null));
    if (commit.isPresent()) {
      latencyUs(o.putObject("commit"), commit);
    }
    return o;
  }

  /** {@code count}, {@code mean_us}, {@code p50_us}, {@code p90_us}, {@code p99_us}, {@code p999_us}, {@code max_us}. */
  private static void latencyUs(ObjectNode o, Optional<LatencySummary> l) {
    o.put("count", l.map(LatencySummary::count).orElse(null));
    o.put("mean_us", l.map(LatencySummary::meanUs).orElse(null));
    o.put("p50_us", l.map(LatencySummary::p50Us).orElse(null));
    o.put("p90_us", l.map(LatencySummary::p90Us).orElse(null));
    o.put("p99_us", l.map(LatencySummary::p99Us).orElse(null));
    o.put("p999_us", l.map(LatencySummary::p999Us).orElse(null));
    o.put("max_us", l.map(LatencySummary::maxUs).orElse(null));
  }

  private static ObjectNode comparison(Comparison c) {
    ObjectNode o = F.objectNode();
    o.put("verdict", c.verdict());
    o.put("median_latency_diff_us", c.medianDiff() == null ? null : c.medianDiff().estimate());
    interval(o, "median_latency_diff_ci_us", c.medianDiff());
    o.put("mean_latency_diff_us", c.meanDiff() == null ? null : c.meanDiff().estimate());
    interval(o, "mean_latency_diff_ci_us", c.meanDiff());
    o.put("ci_method", c.medianDiff() == null ? null : CI_METHOD);
    o.put("throughput_diff_pct", c.throughputDiffPct());
    o.put("mean_latency_ratio", c.meanLatencyRatio());
    o.put("p99_latency_ratio", c.p99LatencyRatio());
    o.put("throughput_ratio", c.throughputRatio());
    o.put("inversions_total_diff", c.inversionsTotalDiff());
    o.put("inversions_adjacent_diff", c.inversionsAdjacentDiff());
    o.put("gap_count_diff", c.gapCountDiff());
    o.put("missing_diff", c.missingDiff());
    return o;
  }

  private static void interval(ObjectNode o, String key, DifferenceInterval d) {
    if (d == null) {
      o.putNull(key);
    } else {
      o.putArray(key).add(d.low()).add(d.high());
    }
  }
}

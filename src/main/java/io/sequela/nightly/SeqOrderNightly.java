package io.sequela.nightly;

import io.sequela.gaps.ModeFigures;
import io.sequela.gaps.NodeFigures;
import io.sequela.gaps.Reconciliation;
import io.sequela.gaps.TestFigures;
import io.sequela.assertions.Check;
import io.sequela.assertions.Checks;
import io.sequela.config.Limit;
import io.sequela.config.Limits;
import io.sequela.config.ScenarioSpec;
import io.sequela.config.TestSpec;
import io.sequela.config.SequenceMode;
import io.sequela.config.StageNode;
import io.sequela.history.Direction;
import io.sequela.history.Metric;
import io.sequela.design.BlockInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One SeqOrderSimulation test as the nightly checks take it. Checks: the reconciliation (OK = rows, every planned
 * insert made) per test x mode x node, always; {@code ko_max} and {@code duplicates_max} per test x mode;
 * {@code p99_us_max} per node; {@code order_inversions_max} on the ORDER mode; {@code order_cost_us_max} against the
 * upper end of the 95 % interval of ORDER minus NOORDER median latency from the paired blocks ({@link BlockInterval}, the
 * verdict's interval; with too few blocks for an interval the check fails and says so). Figures, per mode
 * and node: rows, KO, p50/p99 µs, rows/s; per mode: inversions, gaps, missing, duplicates; per test: the ORDER cost
 * and its interval.
 */
public final class SeqOrderNightly {

  /** The confidence of the ORDER cost interval ({@link io.sequela.gaps.Latencies#CONFIDENCE}). */
  public static final double CONFIDENCE = io.sequela.gaps.Latencies.CONFIDENCE;

  private SeqOrderNightly() {}

  /**
   * The test's figures and checks.
   *
   * @param test the test as planned, with its limits
   * @param rec the run's reconciliation (lines of other tests are ignored)
   * @param figures the gap analysis of the test, empty when it found no row
   * @param latency the run's insert latencies
   */
  public static TestResult of(TestSpec test, Reconciliation rec, Optional<TestFigures> figures, InsertLatencyUs latency) {
    String name = test.name();
    Limits limits = test.assertions();
    List<Metric> metrics = new ArrayList<>();
    List<Check> checks = new ArrayList<>();
    // a run stopped anywhere, between stages too (a stage that never opened has no line), is cut short
    boolean cutShort = rec.cutShort() != null;
    for (SequenceMode mode : test.distinctModes()) {
      Optional<ModeFigures> mf = figures.flatMap(f -> f.mode(mode));
      Long ko = null; // no reconciliation line at all: KO not known, not 0
      for (ScenarioSpec node : test.scenarii()) {
        String scope = new StageNode(name, mode, node.nodeNumber()).requestName();
        String prefix = mode.name() + "_node" + node.nodeNumber();
        Reconciliation.Line line = line(rec, name, mode, node.nodeNumber());
        if (line != null) {
          ko = (ko == null ? 0 : ko) + line.ko();
        }
        cutShort |= line != null && line.ok() + line.ko() < line.planned();
        checks.add(reconciliation(scope, line));
        Optional<InsertLatencyUs.P50P99> p = latency.node(name, mode, node.nodeNumber());
        Double rowsPerS = mf.map(m -> m.nodes().get(node.nodeNumber())).map(NodeFigures::rowsPerSecond).orElse(null);
        metrics.add(metric(prefix, "rows", scope, Direction.NONE,
            line == null || line.rows() == Reconciliation.UNKNOWN_ROWS ? null : (double) line.rows()));
        metrics.add(metric(prefix, "ko", scope, Direction.NONE, line == null ? null : (double) line.ko()));
        metrics.add(metric(prefix, "p50_us", scope, Direction.LOWER_IS_BETTER, p.map(InsertLatencyUs.P50P99::p50Us).orElse(null)));
        metrics.add(metric(prefix, "p99_us", scope, Direction.LOWER_IS_BETTER, p.map(InsertLatencyUs.P50P99::p99Us).orElse(null)));
        metrics.add(metric(prefix, "rows_per_s", scope, Direction.HIGHER_IS_BETTER, rowsPerS));
        bound(checks, limits, Limit.P99_US_MAX, scope, p.map(InsertLatencyUs.P50P99::p99Us).orElse(null));
      }
      String scope = name + " " + mode;
      // no gap analysis of this mode (no row found, or the database gone): not measured, never 0
      Double inversions = mf.map(m -> (double) m.order().totalInversions()).orElse(null);
      Double duplicates = mf.map(m -> (double) m.duplicateIds()).orElse(null);
      metrics.add(metric(mode.name(), "inversions", scope, Direction.NONE, inversions));
      metrics.add(metric(mode.name(), "gaps", scope, Direction.NONE, mf.map(m -> (double) m.gapCount()).orElse(null)));
      metrics.add(metric(mode.name(), "missing", scope, Direction.NONE, mf.map(m -> (double) m.missing()).orElse(null)));
      metrics.add(metric(mode.name(), "duplicates", scope, Direction.NONE, duplicates));
      bound(checks, limits, Limit.KO_MAX, scope, ko == null ? null : (double) ko);
      bound(checks, limits, Limit.DUPLICATES_MAX, scope, duplicates);
      if (mode == SequenceMode.ORDER) {
        bound(checks, limits, Limit.ORDER_INVERSIONS_MAX, scope, inversions);
      }
    }
    orderCost(name, test, limits, latency, metrics, checks);
    return new TestResult(name, limits, metrics, checks, cutShort);
  }

  private static void orderCost(String name, TestSpec test, Limits limits, InsertLatencyUs latency, List<Metric> metrics,
      List<Check> checks) {
    boolean both = test.modes().contains(SequenceMode.ORDER) && test.modes().contains(SequenceMode.NOORDER);
    if (!both) {
      OptionalDouble max = limits.get(Limit.ORDER_COST_US_MAX);
      if (max.isPresent()) {
        checks.add(Check.skipped(name, "order_cost_us <= " + Checks.number(max.getAsDouble()),
            "the test does not run both ORDER and NOORDER"));
      }
      return;
    }
    Optional<BlockInterval> d = latency.orderCost(name);
    metrics.add(metric("", "order_cost_us", name, Direction.LOWER_IS_BETTER, d.map(BlockInterval::estimate).orElse(null)));
    metrics.add(metric("", "order_cost_ci_low_us", name, Direction.NONE, d.map(BlockInterval::low).orElse(null)));
    metrics.add(metric("", "order_cost_ci_high_us", name, Direction.NONE, d.map(BlockInterval::high).orElse(null)));
    OptionalDouble max = limits.get(Limit.ORDER_COST_US_MAX);
    if (max.isPresent()) {
      Check c = Check.bound(name, Limit.ORDER_COST_US_MAX, max.getAsDouble(), d.map(BlockInterval::high).orElse(null));
      String about = d.map(x -> " (upper end of the 95 % interval of ORDER minus NOORDER median latency over "
          + x.pairs() + " block pairs; estimate " + Checks.number(x.estimate()) + " µs)")
          .orElse(" (" + latency.noOrderCost(name).orElse("no interval") + ")");
      checks.add(new Check(c.scope(), c.rule(), c.status(), c.message() + about));
    }
  }

  private static void bound(List<Check> checks, Limits limits, Limit limit, String scope, Double actual) {
    limits.get(limit).ifPresent(v -> checks.add(Check.bound(scope, limit, v, actual)));
  }

  private static Check reconciliation(String scope, Reconciliation.Line l) {
    String rule = "OK = rows";
    if (l == null) {
      return Check.failed(scope, rule, "no reconciliation line for this node");
    }
    if (l.rows() == Reconciliation.UNKNOWN_ROWS) {
      return Check.failed(scope, rule, "rows not counted (the database could not be reached): OK " + l.ok() + ", KO " + l.ko()
          + ", planned " + l.planned());
    }
    String counts = "OK " + l.ok() + ", KO " + l.ko() + ", rows " + l.rows() + ", planned " + l.planned();
    if (l.ok() != l.rows()) {
      return Check.failed(scope, rule, "OK " + l.ok() + " != rows " + l.rows() + " (" + counts + ")");
    }
    if (l.ok() + l.ko() != l.planned()) {
      return Check.failed(scope, rule, "OK + KO " + (l.ok() + l.ko()) + " != planned " + l.planned() + " (" + counts + ")");
    }
    return Check.passed(scope, rule, counts);
  }

  private static Reconciliation.Line line(Reconciliation rec, String test, SequenceMode mode, int node) {
    return rec.lines().stream().filter(l -> l.test().equals(test) && l.mode().equals(mode.name()) && l.node() == node)
        .findFirst().orElse(null);
  }

  private static Metric metric(String prefix, String figure, String scope, Direction d, Double value) {
    return new Metric(prefix.isEmpty() ? Metric.column(figure) : Metric.column(prefix, figure), scope, figure, d, value);
  }
}

package io.sequela.report;

import io.sequela.config.SequenceMode;
import io.sequela.config.StageNode;
import io.sequela.gaps.Latencies;
import io.sequela.gaps.TestFigures;
import io.sequela.stats.IntervalLog;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jsoup.nodes.Element;

/**
 * The two latency charts of a test on the sequence-gaps page: where in time the latency arises (p50 and p99 per
 * interval of the run's interval log (250 ms), every node in both modes) and the percentile spectrum of ORDER against
 * NOORDER (HdrHistogram's percentile iteration, 5 ticks per half distance, log scales).
 */
final class LatencyCharts {

  /** Marks on the spectrum's percentile axis, those up to the data's last point drawn. */
  private static final double[] SPECTRUM_TICKS = {0, 90, 99, 99.9, 99.99, 99.999};

  private LatencyCharts() {}

  /** Nodes of a test in either mode, ascending. */
  private static List<Integer> nodes(TestFigures t) {
    TreeSet<Integer> all = new TreeSet<>();
    t.modes().values().forEach(m -> all.addAll(m.nodes().keySet()));
    return List.copyOf(all);
  }

  /**
   * p50 (solid) and p99 (dashed) per interval for every node and mode; x is seconds since the test's first
   * interval, so both modes share the axis. Nothing when the log has no interval of the test.
   */
  static void perSecond(Element b, TestFigures t, IntervalLog log) {
    List<SvgCharts.Line> lines = new ArrayList<>();
    List<Integer> nodes = nodes(t);
    int colour = 0;
    // one time axis for the whole test: the modes' blocks are interleaved
    double start = Double.MAX_VALUE;
    for (SequenceMode mode : SequenceMode.values()) {
      for (int n : nodes) {
        for (IntervalLog.Interval iv : intervals(log, t.testName(), mode, n)) {
          start = Math.min(start, iv.startS());
        }
      }
    }
    for (SequenceMode mode : SequenceMode.values()) {
      for (int n : nodes) {
        List<IntervalLog.Interval> ivs = intervals(log, t.testName(), mode, n);
        if (ivs.isEmpty()) {
          colour++;
          continue;
        }
        List<double[]> p50 = new ArrayList<>();
        List<double[]> p99 = new ArrayList<>();
        for (IntervalLog.Interval iv : ivs) {
          double x = iv.endS() - start;
          p50.add(new double[] {x, iv.p50()});
          p99.add(new double[] {x, iv.p99()});
        }
        lines.add(new SvgCharts.Line(mode + " node " + n + " p50", p50, colour, false));
        lines.add(new SvgCharts.Line(mode + " node " + n + " p99", p99, colour, true));
        colour++;
      }
    }
    if (lines.isEmpty()) {
      return;
    }
    Html.block(b, "p", "Insert latency per interval of latency.hlog (" + Html.number(Math.round(1000 * medianLength(log)))
        + " ms), p50 solid and p99 dashed, every node of both modes, their blocks on one time axis (since the test's"
        + " first interval):");
    SvgCharts.lines(b, lines, List.of(), "seconds since the test started", "µs (log scale)", true);
  }

  /** A node's intervals of one test x mode over all its blocks' tags (and the tag without a block), in time order. */
  private static List<IntervalLog.Interval> intervals(IntervalLog log, String test, SequenceMode mode, int node) {
    List<IntervalLog.Interval> out = new ArrayList<>();
    for (String tag : log.tags()) {
      StageNode.ofTag(tag).filter(k -> k.test().equals(test) && k.mode() == mode && k.node() == node)
          .ifPresent(k -> out.addAll(log.intervals(tag)));
    }
    out.sort(java.util.Comparator.comparingDouble(IntervalLog.Interval::startS));
    return out;
  }

  /** The median length of the log's intervals, s (its recorder's interval; a merged log's too). */
  private static double medianLength(IntervalLog log) {
    double[] lengths = log.tags().stream().flatMap(tag -> log.intervals(tag).stream()).mapToDouble(iv -> iv.endS() - iv.startS())
        .sorted().toArray();
    return lengths.length == 0 ? 0 : lengths[lengths.length / 2];
  }

  /** ORDER against NOORDER, all nodes together: latency at each percentile. Nothing without latencies. */
  static void spectrum(Element b, TestFigures t, Latencies latencies) {
    List<SvgCharts.Line> lines = new ArrayList<>();
    int colour = 0;
    for (SequenceMode mode : SequenceMode.values()) {
      Histogram h = latencies.modeHistogram(t.testName(), mode);
      if (h.getTotalCount() > 0) {
        List<double[]> points = new ArrayList<>();
        for (HistogramIterationValue v : h.percentiles(5)) {
          if (v.getPercentileLevelIteratedTo() < 100) {
            points.add(new double[] {position(v.getPercentileLevelIteratedTo()), v.getValueIteratedTo()});
          }
        }
        points.add(new double[] {position(Math.min(99.999, 100 - 100.0 / h.getTotalCount())), h.getMaxValue()});
        lines.add(new SvgCharts.Line(mode + " (" + Html.number(h.getTotalCount()) + " inserts)", points, colour, false));
      }
      colour++;
    }
    if (lines.isEmpty()) {
      return;
    }
    double last = lines.stream().flatMap(l -> l.points().stream()).mapToDouble(p -> p[0]).max().orElse(1);
    List<SvgCharts.Tick> ticks = new ArrayList<>();
    for (double p : SPECTRUM_TICKS) {
      if (p > 90 && position(p) > last * 1.05) {
        break;
      }
      ticks.add(new SvgCharts.Tick(position(p), (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + " %"));
    }
    Html.block(b, "p", "Percentile spectrum of the insert latency, ORDER against NOORDER, all nodes (x: 1 / (1 - p) "
        + "on a log scale, the last point the maximum):");
    SvgCharts.lines(b, lines, ticks, "percentile", "µs (log scale)", true);
  }

  /** A percentile's x position: log10(1 / (1 - p / 100)). */
  private static double position(double percent) {
    return Math.log10(1 / (1 - percent / 100));
  }
}

package io.sequela.seqorder;

import io.sequela.config.SequenceMode;
import io.sequela.config.TestSpec;
import io.sequela.design.BlockAnalysis;
import io.sequela.design.BlockOrder;
import io.sequela.design.BlockResult;
import io.sequela.design.BlockVerdict;
import io.sequela.design.DesignResult;
import io.sequela.design.WarmupSummary;
import io.sequela.gaps.StageStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Each test's verdict from its measured blocks ({@link BlockAnalysis}, paired t over the block pairs): ORDER against
 * NOORDER, or in an A/A test the second variant against the first. A block counts when it ran to its end and holds OK
 * inserts; its latencies are its own histogram (all nodes), its rows/s its OK inserts over its measured span.
 */
final class SeqOrderVerdicts {

  private SeqOrderVerdicts() {}

  /** Per test (plan order), its design's result from the run's blocks that ran and its warm-ups. */
  static Map<String, DesignResult> of(SeqOrderResults run) {
    Map<String, DesignResult> out = new LinkedHashMap<>();
    for (TestSpec t : run.settings().plan().tests()) {
      List<BlockResult> results = new ArrayList<>();
      List<WarmupSummary> warmups = new ArrayList<>();
      for (SeqOrderResults.StageRun r : run.stages()) {
        Stage s = r.stage();
        if (!s.test().name().equals(t.name())) {
          continue;
        }
        if (s.warmup()) {
          warmups.add(r.warmup());
          continue;
        }
        if (r.status().state() != StageStatus.State.RAN) {
          continue;
        }
        Histogram h = run.latencies().block(t.name(), s.blockNo());
        if (h.getTotalCount() > 0 && r.span().isPresent()) {
          results.add(BlockResult.of(s.block(), h, r.span().get()));
        }
      }
      BlockOrder order = SeqOrderDesign.order(t);
      out.put(t.name(), new DesignResult(SeqOrderDesign.stamp(t), order.pattern(), order.names(), warmups, results,
          verdict(t, results)));
    }
    return out;
  }

  /** The measured variant against the reference: ORDER minus NOORDER, or #2 minus #1 in an A/A test. */
  static Optional<BlockVerdict> verdict(TestSpec t, List<BlockResult> results) {
    List<SequenceMode> modes = t.modes();
    if (t.aa()) {
      return Optional.of(BlockAnalysis.compare(results, 0, 1));
    }
    int order = modes.indexOf(SequenceMode.ORDER);
    int noorder = modes.indexOf(SequenceMode.NOORDER);
    if (order < 0 || noorder < 0) {
      return Optional.empty();
    }
    return Optional.of(BlockAnalysis.compare(results, noorder, order));
  }

  /** Only the ORDER against NOORDER verdicts, for the nightly ORDER cost. */
  static Map<String, BlockVerdict> orderCosts(Map<String, DesignResult> results, List<TestSpec> tests) {
    Map<String, BlockVerdict> out = new LinkedHashMap<>();
    for (TestSpec t : tests) {
      DesignResult r = results.get(t.name());
      if (r != null && !t.aa() && r.verdict().isPresent()) {
        out.put(t.name(), r.verdict().get());
      }
    }
    return out;
  }

  /**
   * The run's design for its history rows: the stamp line when every test has the same design, else each test's
   * {@code <test>: <line>} joined by {@code " | "} (no commas either way).
   */
  static String stampLine(List<TestSpec> tests) {
    List<String> lines = tests.stream().map(t -> SeqOrderDesign.stamp(t).line()).distinct().toList();
    if (lines.size() <= 1) {
      return lines.isEmpty() ? "" : lines.get(0);
    }
    return String.join(" | ", tests.stream().map(t -> t.name() + ": " + SeqOrderDesign.stamp(t).line()).toList());
  }
}

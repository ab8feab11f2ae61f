package io.sequela.seqorder;

import io.sequela.config.SequenceMode;
import io.sequela.config.TestSpec;
import io.sequela.design.Block;
import io.sequela.design.BlockAnalysis;
import io.sequela.design.BlockOrder;
import io.sequela.design.BlockResult;
import io.sequela.design.BlockVerdict;
import io.sequela.design.DesignResult;
import io.sequela.design.WarmupSummary;
import io.sequela.gaps.GapAnalysisResult;
import io.sequela.gaps.Latencies;
import io.sequela.gaps.ModeFigures;
import io.sequela.gaps.StageStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
          if (r.warmup() != null) { // none on a rehearsal: its part is in its warm-up's summary
            warmups.add(r.warmup());
          }
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

  /**
   * Per test (plan order), its design's result in a run of several injectors, merged: a block's latencies are every
   * injector's for it (their latency.hlog merged), its rows and its span those of its rows in JOB_EXECUTION (first to
   * last SQL_DATE: the database's clock, the one the injectors share); no warm-up summary (each injector had its own).
   *
   * @param gaps the merged run's gap analysis, which holds each block's rows and first and last row
   * @return per test its result; a block without latencies or without two rows apart in time is left out
   */
  static Map<String, DesignResult> ofMerged(List<TestSpec> tests, Latencies latencies, GapAnalysisResult gaps) {
    Map<String, DesignResult> out = new LinkedHashMap<>();
    for (TestSpec t : tests) {
      Map<Integer, ModeFigures> byNo = new HashMap<>();
      gaps.tests().stream().filter(f -> f.testName().equals(t.name())).flatMap(f -> f.modes().values().stream())
          .flatMap(m -> m.blocks().stream()).forEach(b -> byNo.put(b.block(), b));
      BlockOrder order = SeqOrderDesign.order(t);
      List<BlockResult> results = new ArrayList<>();
      for (Block block : order.blocks()) {
        int no = block.position() + 1;
        Histogram h = latencies.block(t.name(), no);
        ModeFigures rows = byNo.get(no);
        Duration span = rows == null ? Duration.ZERO : Duration.between(rows.first(), rows.last());
        if (h.getTotalCount() > 0 && span.compareTo(Duration.ZERO) > 0) {
          results.add(new BlockResult(block, h, rows.rows(), span));
        }
      }
      out.put(t.name(), new DesignResult(SeqOrderDesign.stamp(t), order.pattern(), order.names(), List.of(), results,
          verdict(t, results)));
    }
    return out;
  }

  /**
   * Whether the rows follow the plan's design, block by block: a merge given another plan or other
   * {@code sequela.plan-defaults} than the injectors ran with would pair the wrong blocks.
   *
   * @return the first block whose rows' mode is not the one the design puts there (or that the design has not), in
   *     one line; empty when every block matches
   */
  static Optional<String> mismatch(List<TestSpec> tests, GapAnalysisResult gaps) {
    for (TestSpec t : tests) {
      Map<Integer, String> planned = new HashMap<>();
      SeqOrderDesign.order(t).blocks().forEach(b -> planned.put(b.position() + 1, t.modes().get(b.variant()).name()));
      for (ModeFigures m : gaps.tests().stream().filter(f -> f.testName().equals(t.name()))
          .flatMap(f -> f.modes().values().stream()).toList()) {
        for (ModeFigures b : m.blocks()) {
          String there = planned.get(b.block());
          if (!m.mode().name().equals(there)) {
            return Optional.of("test " + t.name() + ": block " + b.block() + " holds " + m.mode() + " rows where the plan's"
                + " design (" + SeqOrderDesign.stamp(t).line() + ") has " + (there == null ? "no block" : there));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The measured variant against the reference: ORDER minus NOORDER, or #2 minus #1 in an A/A test. */
  static Optional<BlockVerdict> verdict(TestSpec t, List<BlockResult> results) {
    List<SequenceMode> modes = t.modes();
    List<String> names = SeqOrderDesign.order(t).names();
    if (t.aa()) {
      return Optional.of(BlockAnalysis.compare(results, names, 0, 1));
    }
    int order = modes.indexOf(SequenceMode.ORDER);
    int noorder = modes.indexOf(SequenceMode.NOORDER);
    if (order < 0 || noorder < 0) {
      return Optional.empty();
    }
    return Optional.of(BlockAnalysis.compare(results, names, noorder, order));
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

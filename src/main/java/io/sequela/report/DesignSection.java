package io.sequela.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sequela.design.BlockAnalysis;
import io.sequela.design.BlockInterval;
import io.sequela.design.BlockResult;
import io.sequela.design.BlockVerdict;
import io.sequela.design.DesignResult;
import io.sequela.design.WarmupSummary;
import io.sequela.gaps.GapAnalysis;
import io.sequela.gaps.ModeFigures;
import io.sequela.gaps.TestFigures;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Element;

/**
 * The experiment design of a SeqOrder test on the console, the page and in sequence-gaps.json (issue 23): the
 * verdict from the paired blocks (differences of medians and of means, each with its interval, and how many block
 * pairs they rest on; with too few, the reason instead of an interval), the stamp, the block order, each warm-up
 * and whether it ended stable, and every block's figures.
 */
final class DesignSection {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** How the intervals were computed, in the JSON beside them. */
  static final String CI_METHOD = "paired t over the block pairs (Student's t of the pair differences; "
      + "docs/experiment-design.md)";

  private DesignSection() {}

  /**
   * The verdict in one line: the design's sentence for the medians, then the difference of means with its interval,
   * e.g. {@code ORDER costs +12 µs per insert (median, 95 % CI +3 to +20 µs; 4 block pairs); mean +14 µs (95 % CI
   * +2 to +25 µs)}; with too few blocks, the reason.
   */
  static String verdict(DesignResult d) {
    if (d.verdict().isEmpty()) {
      return null;
    }
    BlockVerdict v = d.verdict().get();
    String s = v.text();
    if (v.medianUs().isEmpty()) {
      return v.b() + " vs " + v.a() + ": " + s;
    }
    if (s.startsWith("no measurable")) {
      s = v.b() + " vs " + v.a() + ": " + s;
    }
    BlockInterval mean = v.meanUs().get();
    return s + String.format(Locale.ROOT, "; mean %s µs (95 %% CI %s to %s µs)", us(mean.estimate()), us(mean.low()),
        us(mean.high()));
  }

  /** One line: the stamp, the order and the warm-ups. */
  static String designLine(DesignResult d) {
    StringBuilder b = new StringBuilder(d.stamp().line());
    b.append("; order ").append(d.order()).append(" (");
    for (int i = 0; i < d.names().size(); i++) {
      b.append(i == 0 ? "" : ", ").append((char) ('A' + i)).append(" = ").append(d.names().get(i));
    }
    b.append(")");
    for (WarmupSummary w : d.warmups()) {
      b.append("; warm-up ").append(w.variant()).append(w.stable() ? " stable" : " STILL DRIFTING").append(" (")
          .append(w.inserts()).append(" inserts, ").append(w.durationMs()).append(" ms: ").append(w.reason()).append(")");
    }
    return b.toString();
  }

  /** The JSON object {@code design} of a test. */
  static ObjectNode json(DesignResult d) {
    ObjectNode o = F.objectNode();
    o.put("stamp", d.stamp().line());
    o.put("warmup_rule", d.stamp().warmup().describe());
    o.put("blocks_per_variant", d.stamp().blocksPerVariant());
    o.put("block", d.stamp().block().toString());
    o.put("order_seed", d.stamp().orderSeed());
    o.put("order", d.order());
    ArrayNode names = o.putArray("variants");
    d.names().forEach(names::add);
    o.put("warmup_stable", d.warmupsStable());
    ArrayNode warmups = o.putArray("warmups");
    for (WarmupSummary w : d.warmups()) {
      ObjectNode x = warmups.addObject();
      x.put("variant", w.variant());
      x.put("inserts", w.inserts());
      x.put("ok_inserts", w.okInserts());
      x.put("duration_ms", w.durationMs());
      x.put("stable", w.stable());
      x.put("reason", w.reason());
    }
    ArrayNode blocks = o.putArray("blocks");
    for (BlockResult r : d.blocks()) {
      ObjectNode x = blocks.addObject();
      x.put("block", r.block().position() + 1);
      x.put("variant", r.block().name());
      x.put("round", r.block().round() + 1);
      x.put("rows", r.rows());
      x.put("median_us", r.medianUs());
      x.put("mean_us", r.meanUs());
      x.put("rows_per_s", r.rowsPerSec());
      x.put("duration_ms", r.duration().toNanos() / 1e6);
    }
    return o;
  }

  /**
   * The comparison's verdict keys: {@code verdict}, {@code compared} ({@code "ORDER - NOORDER"}), {@code block_pairs},
   * {@code no_interval_reason}, {@code median_latency_diff_us} and {@code _ci_us}, {@code mean_latency_diff_us} and
   * {@code _ci_us}, {@code rows_per_s_diff} and {@code _ci}, {@code ci_method}; intervals null with too few pairs.
   */
  static void verdictKeys(ObjectNode o, DesignResult d) {
    Optional<BlockVerdict> v = d.verdict();
    o.put("verdict", verdict(d));
    o.put("compared", v.map(x -> x.b() + " - " + x.a()).orElse(null));
    o.put("block_pairs", v.map(BlockVerdict::pairs).orElse(0));
    o.put("no_interval_reason", v.flatMap(BlockVerdict::noInterval).orElse(null));
    interval(o, "median_latency_diff", "_us", v.flatMap(BlockVerdict::medianUs));
    interval(o, "mean_latency_diff", "_us", v.flatMap(BlockVerdict::meanUs));
    interval(o, "rows_per_s_diff", "", v.flatMap(BlockVerdict::rowsPerSec));
    o.put("ci_method", v.flatMap(BlockVerdict::medianUs).isPresent() ? CI_METHOD : null);
    o.put("min_pairs_for_interval", BlockAnalysis.MIN_PAIRS);
  }

  private static void interval(ObjectNode o, String key, String unit, Optional<BlockInterval> i) {
    o.put(key + unit, i.map(BlockInterval::estimate).orElse(null));
    if (i.isEmpty()) {
      o.putNull(key + "_ci" + unit);
    } else {
      o.putArray(key + "_ci" + unit).add(i.get().low()).add(i.get().high());
    }
  }

  /**
   * The page's design part of a test: the design line, a warning for a drifting warm-up, the blocks' table, and id
   * against time of every block of every mode on one time axis, each block coloured by its variant.
   */
  static void html(Element b, TestFigures t, DesignResult d) {
    String test = t.testName();
    Html.block(b, "h3", test + ": design and blocks");
    Html.block(b, "p", "Design: " + designLine(d) + ".");
    if (!d.warmupsStable()) {
      Html.block(b, "p", "A warm-up stopped at its limit while latency still drifted: the blocks may carry a trend "
          + "(the balanced order cancels a linear one). Lengthen warmup or raise blocks.")
          .attr("style", "color:#c0392b;font-weight:bold");
    }
    d.verdict().ifPresent(v -> Html.block(b, "p", "The verdict rests on " + v.pairs() + " block pair"
        + (v.pairs() == 1 ? "" : "s") + " (" + v.b() + " minus " + v.a() + " in each round), 95 % paired t interval"
        + (v.medianUs().isEmpty() ? ": " + v.noInterval().orElse("") : "") + "."));
    List<List<String>> rows = new ArrayList<>();
    for (BlockResult r : d.blocks()) {
      rows.add(List.of(Integer.toString(r.block().position() + 1), r.block().name(),
          Integer.toString(r.block().round() + 1), Html.number(r.rows()), Html.number(r.medianUs()),
          String.format(Locale.ROOT, "%.1f", r.meanUs()), String.format(Locale.ROOT, "%.0f", r.rowsPerSec())));
    }
    Html.table(b, List.of("block", "variant", "round", "rows", "median (µs)", "mean (µs)", "rows/s"), rows);
    blocksOnOneAxis(b, t, d);
  }

  /** Id against time, every block on the test's time axis (seconds since its first row), coloured by variant. */
  private static void blocksOnOneAxis(Element b, TestFigures t, DesignResult d) {
    Map<Integer, Integer> variantOfBlock = new HashMap<>();
    d.blocks().forEach(r -> variantOfBlock.put(r.block().position() + 1, r.block().variant()));
    List<ModeFigures> blocks = t.modes().values().stream().flatMap(m -> m.blocks().stream()).toList();
    if (blocks.isEmpty()) {
      return;
    }
    LocalDateTime first = blocks.stream().map(ModeFigures::first).min(LocalDateTime::compareTo).orElseThrow();
    int total = blocks.stream().mapToInt(m -> m.sample().size()).sum();
    int k = Math.max(1, (total + GapAnalysis.MAX_SAMPLE_POINTS - 1) / GapAnalysis.MAX_SAMPLE_POINTS);
    List<SvgCharts.Point> points = new ArrayList<>();
    StringBuilder when = new StringBuilder();
    for (ModeFigures m : blocks.stream().sorted(Comparator.comparing(ModeFigures::first)).toList()) {
      double offset = Duration.between(first, m.first()).toNanos() / 1e9;
      int series = variantOfBlock.getOrDefault(m.block(), d.names().indexOf(m.mode().name()));
      for (int i = 0; i < m.sample().size(); i += k) {
        ModeFigures.SamplePoint p = m.sample().get(i);
        points.add(new SvgCharts.Point(offset + p.millis() / 1000.0, p.id(), Math.max(0, series)));
      }
      when.append(when.length() == 0 ? "" : ", ").append("block ").append(m.block()).append(' ')
          .append(series >= 0 && series < d.names().size() ? d.names().get(series) : m.mode().name())
          .append(String.format(Locale.ROOT, " from %.1f s", offset));
    }
    Html.block(b, "p", "Id against time, every measured block on one time axis, coloured by variant (" + when
        + "); gaps and inversions are counted within each block:");
    SvgCharts.scatter(b, points, d.names(), "seconds since the test's first row", "id (sequence part)");
  }

  private static String us(double v) {
    return String.format(Locale.ROOT, Math.abs(v) < 10 && v != Math.rint(v) ? "%+.1f" : "%+.0f", v);
  }
}

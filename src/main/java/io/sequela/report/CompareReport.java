package io.sequela.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sequela.SequelaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * {@code compare.html} and {@code compare.json}: two runs side by side ({@link RunComparison}): both runs' identity
 * and verdicts, the warnings, then every figure of both with the difference (second minus first), in percent, and
 * its interval where both runs give one. Written into a Gatling run folder as a page of its report (linked from
 * every page's menu), or into any other folder as a page of its own.
 */
public final class CompareReport {

  /** The page's file name. */
  public static final String PAGE = "compare.html";
  /** The JSON file's name. */
  public static final String JSON = "compare.json";
  /** How a difference's interval is computed, on the page and in the JSON. */
  static final String METHOD = "MOVER (Zou and Donner 2008) from the two runs' 95 % intervals, runs taken as "
      + "independent: lower = d - sqrt((b - b_low)^2 + (a_high - a)^2), upper = d + sqrt((b_high - b)^2 + (a - a_low)^2), "
      + "d = b - a; only where both runs give a confidence interval (a min..max range over rounds is none)";
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private CompareReport() {}

  /**
   * Writes both files into a folder: as a page of its report when it holds a Gatling report (index.html), else as
   * a page of its own.
   *
   * @param dir the folder, created when missing
   * @return the paths written: page, then JSON
   * @throws SequelaException when a file cannot be written
   */
  public static List<Path> write(Path dir, RunComparison c) {
    Element body = body(c);
    try {
      Files.createDirectories(dir);
      Path json = dir.resolve(JSON);
      MAPPER.writeValue(json.toFile(), json(c));
      if (Files.isRegularFile(dir.resolve("index.html"))) {
        return List.of(ReportFolder.at(dir).addPage(PAGE, "Compare", "Gatling Stats - Compare", body), json);
      }
      Path page = ReportFolder.writeStandalone(dir.resolve(PAGE), "sequela - compare", body);
      return List.of(page, json);
    } catch (IOException e) {
      throw new SequelaException("cannot write " + dir.resolve(PAGE) + ": " + e.getMessage(), e);
    }
  }

  static Element body(RunComparison c) {
    RunResult a = c.first();
    RunResult b = c.second();
    Element page = Html.page("Two runs side by side: " + a.runId() + " \u2192 " + b.runId());
    c.pairs().stream().filter(p -> p.low() != null).findFirst().or(() -> c.pairs().stream()
        .filter(p -> p.difference() != null).findFirst())
        .ifPresent(p -> Html.headline(page, p.name() + ": " + value(p.a()) + " \u2192 " + value(p.b()) + ", difference "
            + difference(p)));
    for (String w : c.warnings()) {
      Html.block(page, "p", "Warning: " + w).addClass("warning").attr("style", "color:#c0392b;font-weight:bold");
    }
    Html.section(page, "Runs");
    List<String> keys = List.of("plan", "plan_hash", "target", "design", "dialect", "commit", "server_version");
    Element runs = Html.table(page, List.of("", "first", "second"));
    Html.row(runs, List.of("run id", a.runId(), b.runId()));
    Html.row(runs, List.of("simulation", a.simulation(), b.simulation()));
    for (String k : keys) {
      String va = a.identity().getOrDefault(k, "\u2013");
      String vb = b.identity().getOrDefault(k, "\u2013");
      Element row = Html.row(runs, List.of(k, va, vb));
      if (!va.equals(vb)) {
        row.attr("style", "color:#c0392b");
      }
    }
    Html.row(runs, List.of("verdict", String.join(" | ", a.verdicts()), String.join(" | ", b.verdicts())));
    Html.section(page, "Figures (difference: second minus first)");
    Element t = Html.table(page, List.of("figure", "first", "second", "difference", "difference %", "difference interval"));
    for (RunComparison.Pair p : c.pairs()) {
      Element row = Html.row(t, List.of(p.name(), value(p.a()), value(p.b()), num(p.difference()),
          p.percent() == null ? "\u2013" : String.format(Locale.ROOT, "%+.1f %%", p.percent()),
          p.low() == null ? "\u2013" : num(p.low()) + " .. " + num(p.high())));
      row.child(0).attr("title", p.key());
    }
    Html.section(page, "Notes");
    Html.block(page, "p", "A figure's interval is shown as [low .. high]: a 95 % confidence interval where the run's JSON "
        + "gives one, else a min..max range over rounds (KeyGen). The difference's interval: " + METHOD + ".");
    return page;
  }

  private static String value(RunResult.Figure f) {
    if (f == null || f.value() == null) {
      return "\u2013";
    }
    return num(f.value()) + (f.hasInterval() ? " [" + num(f.low()) + " .. " + num(f.high()) + "]" : "");
  }

  private static String difference(RunComparison.Pair p) {
    String s = p.difference() == null ? "\u2013" : (p.difference() >= 0 ? "+" : "") + num(p.difference());
    return p.low() == null ? s : s + " (95 % interval " + num(p.low()) + " .. " + num(p.high()) + ")";
  }

  private static String num(Double v) {
    return v == null ? "\u2013" : TrendChart.fmt(v);
  }

  static ObjectNode json(RunComparison c) {
    ObjectNode root = F.objectNode();
    root.put("simulation", c.first().simulation());
    root.set("first", run(c.first()));
    root.set("second", run(c.second()));
    ArrayNode w = root.putArray("warnings");
    c.warnings().forEach(w::add);
    root.put("difference", "second minus first");
    root.put("difference_interval_method", METHOD);
    ArrayNode figures = root.putArray("figures");
    for (RunComparison.Pair p : c.pairs()) {
      ObjectNode o = figures.addObject();
      o.put("key", p.key());
      o.put("name", p.name());
      figure(o, "first", p.a());
      figure(o, "second", p.b());
      o.put("difference", p.difference());
      o.put("difference_pct", p.percent());
      if (p.low() == null) {
        o.putNull("difference_ci");
      } else {
        o.putArray("difference_ci").add(p.low()).add(p.high());
      }
    }
    return root;
  }

  private static ObjectNode run(RunResult r) {
    ObjectNode o = F.objectNode();
    o.put("run_id", r.runId());
    r.identity().forEach(o::put);
    ArrayNode v = o.putArray("verdicts");
    r.verdicts().forEach(v::add);
    return o;
  }

  private static void figure(ObjectNode o, String side, RunResult.Figure f) {
    o.put(side, f == null ? null : f.value());
    if (f == null || !f.hasInterval()) {
      o.putNull(side + "_interval");
    } else {
      o.putArray(side + "_interval").add(f.low()).add(f.high());
    }
    o.put(side + "_interval_kind", f == null || !f.hasInterval() ? null : f.confidence() ? "ci95" : "min_max");
  }

  /** The runs' verdicts and warnings as console lines. */
  public static List<String> consoleLines(RunComparison c) {
    List<String> lines = new ArrayList<>();
    lines.add("first:  " + c.first().runId() + "  " + String.join(" | ", c.first().verdicts()));
    lines.add("second: " + c.second().runId() + "  " + String.join(" | ", c.second().verdicts()));
    c.warnings().forEach(w -> lines.add("warning: " + w));
    return lines;
  }
}

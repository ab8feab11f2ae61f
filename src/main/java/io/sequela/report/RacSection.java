package io.sequela.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sequela.db.InstanceWaits;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.nodes.Element;

/**
 * The RAC parts of the reports: {@code oracle_waits} in the JSON files and the per-instance wait tables (ORDER
 * beside NOORDER on the sequence-gaps page, one table per block on the key-generation page), plus the instance
 * check's lines. Nothing is added where there are no figures (every database but Oracle).
 */
final class RacSection {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** The modes side by side, in this order; any other mode follows. */
  private static final List<String> MODES = List.of("ORDER", "NOORDER");

  private RacSection() {}

  /**
   * {@code {"source": "gv$system_event", "note": null, "instances": {"1": {"<event>": {"waits": n,
   * "time_waited_us": n}}}}}: the deltas of one stage; {@code note} names the grant when the view was not readable.
   */
  static ObjectNode json(InstanceWaits w) {
    ObjectNode o = F.objectNode();
    o.put("source", w.source());
    o.put("note", w.note());
    ObjectNode instances = o.putObject("instances");
    w.instances().forEach((inst, events) -> {
      ObjectNode e = instances.putObject(Integer.toString(inst));
      events.forEach((event, c) -> {
        ObjectNode n = e.putObject(event);
        n.put("waits", c.waits());
        n.put("time_waited_us", c.timeWaitedUs());
      });
    });
    return o;
  }

  /** Sets {@code oracle_waits} on every {@code tests[i].modes.<MODE>} of a sequence-gaps tree that has deltas. */
  static void addWaits(ObjectNode sequenceGaps, RacFigures rac) {
    for (JsonNode test : sequenceGaps.path("tests")) {
      Map<String, InstanceWaits> modes = rac.waits().getOrDefault(test.path("test_name").asText(), Map.of());
      modes.forEach((mode, w) -> {
        if (test.path("modes").path(mode) instanceof ObjectNode m) {
          m.set("oracle_waits", json(w));
        }
      });
    }
  }

  /** Appends, per test, the wait table per instance and event with ORDER beside NOORDER, then the instance check. */
  static void appendSeqOrder(Element b, RacFigures rac) {
    rac.waits().forEach((test, byMode) -> {
      List<String> modes = new ArrayList<>(MODES.stream().filter(byMode::containsKey).toList());
      byMode.keySet().stream().filter(m -> !modes.contains(m)).sorted().forEach(modes::add);
      Html.block(b, "h3", test + ": Oracle waits per instance, " + String.join(" beside ", modes));
      List<String> head = new ArrayList<>(List.of("instance", "event"));
      modes.forEach(m -> head.addAll(List.of(m + " waits", m + " time µs", m + " µs/wait")));
      List<List<String>> rows = new ArrayList<>();
      for (int inst : instances(byMode.values())) {
        for (String event : events(byMode.values(), inst)) {
          List<String> row = new ArrayList<>(List.of(Integer.toString(inst), event));
          boolean any = false;
          for (String m : modes) {
            InstanceWaits.Counter c = byMode.get(m).instances().getOrDefault(inst, Map.of()).get(event);
            any |= c != null && c.waits() > 0;
            row.addAll(cells(c));
          }
          if (any) {
            rows.add(row);
          }
        }
      }
      notes(b, byMode.values());
      if (rows.isEmpty() && byMode.values().stream().anyMatch(InstanceWaits::readable)) {
        Html.block(b, "p", "No waits of the sequence and index events on any instance during these stages.");
      } else if (!rows.isEmpty()) {
        Html.table(b, head, rows);
        Html.block(b, "p", "Deltas of " + byMode.values().iterator().next().source() + " (instance-wide: every session of "
            + "the instance counts) between the start and the end of each stage; events without waits are left out.");
      }
    });
    instanceCheck(b, rac.routing());
  }

  /** Appends one table of the blocks' wait deltas per instance and event (key-generation page). */
  static void appendKeyGen(Element b, Map<String, InstanceWaits> byBlock) {
    if (byBlock.isEmpty()) {
      return;
    }
    Html.block(b, "h2", "Oracle waits per instance and block");
    List<List<String>> rows = new ArrayList<>();
    byBlock.forEach((block, w) -> w.instances().forEach((inst, events) -> events.forEach((event, c) -> {
      if (c.waits() > 0) {
        List<String> row = new ArrayList<>(List.of(block, Integer.toString(inst), event));
        row.addAll(cells(c));
        rows.add(row);
      }
    })));
    notes(b, byBlock.values());
    if (!rows.isEmpty()) {
      Html.table(b, List.of("block", "instance", "event", "waits", "time µs", "µs/wait"), rows);
    }
  }

  /**
   * The instance check, one line per node with rows on another instance than its usual one, e.g. {@code t NOORDER
   * node 2: 120 of 600 rows on instance 1, not on its usual instance 2: the service of node 2 moved}; or one line
   * saying every node stayed on its instance. Empty when no rows carry an instance.
   */
  static List<String> instanceCheckLines(List<RacFigures.NodeRouting> routing) {
    List<String> out = new ArrayList<>();
    for (RacFigures.NodeRouting r : routing) {
      if (r.misroutedRows() > 0) {
        long all = r.rowsByInstance().values().stream().mapToLong(Long::longValue).sum();
        Set<String> others = new TreeSet<>(r.rowsByInstance().keySet());
        others.remove(r.usualInstance());
        out.add(String.format(Locale.ROOT, "%s %s node %d: %d of %d rows on instance %s, not on its usual instance %s: "
            + "the service of node %d moved (failover or load balancing)", r.test(), r.mode(), r.node(), r.misroutedRows(),
            all, String.join(", ", others), r.usualInstance(), r.node()));
      }
    }
    if (out.isEmpty() && !routing.isEmpty()) {
      out.add("Instance check: every node's rows are on its usual instance.");
    }
    return out;
  }

  private static void instanceCheck(Element b, List<RacFigures.NodeRouting> routing) {
    List<String> lines = instanceCheckLines(routing);
    if (lines.isEmpty()) {
      return;
    }
    Html.block(b, "h3", "Instance check");
    boolean moved = routing.stream().anyMatch(r -> r.misroutedRows() > 0);
    for (String l : lines) {
      Element p = Html.block(b, "p", l);
      if (moved) {
        p.attr("style", "color:#c00;font-weight:bold");
      }
    }
  }

  private static void notes(Element b, Iterable<InstanceWaits> ws) {
    Set<String> notes = new LinkedHashSet<>();
    ws.forEach(w -> {
      if (w.note() != null) {
        notes.add(w.note());
      }
    });
    notes.forEach(n -> Html.block(b, "p", n));
  }

  private static Set<Integer> instances(Iterable<InstanceWaits> ws) {
    Set<Integer> out = new TreeSet<>();
    ws.forEach(w -> out.addAll(w.instances().keySet()));
    return out;
  }

  private static Set<String> events(Iterable<InstanceWaits> ws, int inst) {
    Set<String> out = new LinkedHashSet<>();
    ws.forEach(w -> out.addAll(w.instances().getOrDefault(inst, Map.of()).keySet()));
    return out;
  }

  private static List<String> cells(InstanceWaits.Counter c) {
    if (c == null) {
      return List.of("-", "-", "-");
    }
    String perWait = c.waits() == 0 ? "-" : String.format(Locale.ROOT, "%.1f", c.timeWaitedUs() / (double) c.waits());
    return List.of(Html.number(c.waits()), Html.number(c.timeWaitedUs()), perWait);
  }
}

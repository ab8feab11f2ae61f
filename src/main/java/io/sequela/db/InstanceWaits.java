package io.sequela.db;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Wait counters per database instance and wait event: cumulative as read at one instant
 * ({@link ProbeSql#instanceWaits}), or the growth between two readings ({@link #minus}). Immutable.
 *
 * @param source the view the counters come from, e.g. {@code gv$system_event}
 * @param instances instance number (RAC {@code INST_ID}) to wait event to counter, instances in ascending order
 * @param note why there are no counters (a view not granted: the line names the GRANT), or null
 */
public record InstanceWaits(String source, Map<Integer, Map<String, Counter>> instances, String note) {

  /**
   * One wait event's counter.
   *
   * @param waits number of waits
   * @param timeWaitedUs time waited, µs
   */
  public record Counter(long waits, long timeWaitedUs) {}

  public InstanceWaits {
    Map<Integer, Map<String, Counter>> copy = new TreeMap<>();
    instances.forEach((i, events) -> copy.put(i, Collections.unmodifiableMap(new LinkedHashMap<>(events))));
    instances = Collections.unmodifiableMap(copy);
  }

  /** No counters, with the reason (e.g. the missing grant) for the console and the page. */
  public static InstanceWaits unreadable(String source, String note) {
    return new InstanceWaits(source, Map.of(), note);
  }

  /** True when the counters could be read. */
  public boolean readable() {
    return note == null;
  }

  /**
   * The growth from {@code before} to this reading, per instance and event. A counter that went down (the
   * instance restarted in between) counts from zero; an event or instance missing before counts from zero.
   * Either side unreadable gives that side's note.
   */
  public InstanceWaits minus(InstanceWaits before) {
    if (!readable() || !before.readable()) {
      return unreadable(source, readable() ? before.note() : note);
    }
    Map<Integer, Map<String, Counter>> out = new TreeMap<>();
    instances.forEach((inst, events) -> {
      Map<String, Counter> was = before.instances().getOrDefault(inst, Map.of());
      Map<String, Counter> delta = new LinkedHashMap<>();
      events.forEach((event, now) -> {
        Counter b = was.get(event);
        boolean restarted = b == null || now.waits() < b.waits() || now.timeWaitedUs() < b.timeWaitedUs();
        delta.put(event, restarted ? now : new Counter(now.waits() - b.waits(), now.timeWaitedUs() - b.timeWaitedUs()));
      });
      out.put(inst, delta);
    });
    return new InstanceWaits(source, out, null);
  }
}

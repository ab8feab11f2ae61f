package io.sequela.design;

/**
 * How one variant's untimed warm-up ended, for the console, the page and the JSON ({@code warmups}).
 *
 * @param variant the variant's name (the mode, or {@code NOORDER#2} in an A/A test)
 * @param inserts inserts made (OK and KO), all nodes
 * @param okInserts OK inserts, whose latencies the rule read
 * @param durationMs how long it ran, ms (until its last check)
 * @param stable true when its rule was met; false when it stopped at a limit while latency still drifted
 * @param reason one line, e.g. {@code window medians 251, 248, 253 µs within 10 %}
 */
public record WarmupSummary(String variant, long inserts, long okInserts, long durationMs, boolean stable,
    String reason) {}

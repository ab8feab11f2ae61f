package io.sequela.stats;

/**
 * One timed query.
 *
 * @param worker the worker id (1..N) that ran it
 * @param host the host it asked for
 * @param startNanos when it started, {@link System#nanoTime()} ns (only differences are meaningful)
 * @param durationNanos how long it took, ns, from execute to the last row read
 * @param rows rows returned, 0 for an unknown host
 */
public record QuerySample(int worker, String host, long startNanos, long durationNanos, long rows) {}

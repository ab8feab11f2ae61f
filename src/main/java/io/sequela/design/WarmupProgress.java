package io.sequela.design;

/**
 * What {@link WarmupRule#check} found.
 *
 * @param done true when the variant's warm-up is over: measure from now on
 * @param stable false when an {@code auto} warm-up stopped at its limit while latency still drifted (say so in the
 *     report); true otherwise once done
 * @param reason one line for the log, e.g. {@code "window medians 251, 248, 253 µs within 10 %"}
 */
public record WarmupProgress(boolean done, boolean stable, String reason) {}

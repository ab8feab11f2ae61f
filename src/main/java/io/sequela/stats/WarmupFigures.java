package io.sequela.stats;

/**
 * One strategy's untimed warm-up, as it ran: in no figure, its rows deleted before the first block.
 *
 * @param strategy the strategy id
 * @param inserts inserts it ran (all users together), OK or not
 * @param wallS how long it ran, s
 * @param stable false when an {@code auto} warm-up stopped at its limit while latency still drifted
 * @param reason why it ended, e.g. {@code window medians 251, 248, 253 µs within 10 %}
 */
public record WarmupFigures(String strategy, long inserts, double wallS, boolean stable, String reason) {}

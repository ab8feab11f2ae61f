package io.sequela.config;

/**
 * A key strategy as a KeyGen plan names it, before the keys package checks it against the target's database
 * (config knows no strategy; {@code keys.PlanStrategies} does).
 *
 * @param name the name as written, e.g. {@code uuid4}
 * @param where where it was written, e.g. {@code keygen.conf:4: strategies[1]}, to start a problem's line
 */
public record StrategyName(String name, String where) {}

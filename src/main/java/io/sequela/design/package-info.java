/**
 * The experiment design every comparison of variants (SeqOrder's sequence modes, KeyGen's key strategies) runs
 * by, so that a verdict does not depend on which variant ran first (issue 23; docs/experiment-design.md).
 *
 * <p>It owns four things, all pure functions of what the caller hands in (the caller runs the load):
 * <ul>
 *   <li>{@link io.sequela.design.WarmupRule}: how long each variant runs untimed before the first block;
 *   <li>{@link io.sequela.design.BlockOrder}: the balanced, seeded order of the measured blocks (ABBA BAAB for two
 *       variants, Williams squares for more) and which blocks are paired;
 *   <li>{@link io.sequela.design.BlockAnalysis}: the difference of two variants with its interval taken from the
 *       blocks ({@link io.sequela.design.BlockResult} in, {@link io.sequela.design.BlockVerdict} out);
 *   <li>{@link io.sequela.design.DesignStamp}: the design in one line, for JSON, pages and history rows.
 * </ul>
 *
 * <p>Source: T. Kalibera and R. Jones, "Rigorous Benchmarking in Reasonable Time", ISMM 2013: the variation between
 * repetitions at the higher level (here: blocks) dominates, so the interval is taken at that level. It uses
 * {@code stats} (the one percentile definition) and nothing else of sequela.
 */
package io.sequela.design;

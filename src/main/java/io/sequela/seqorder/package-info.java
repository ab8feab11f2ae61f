/**
 * SeqOrderSimulation's run (the main job): targets and schema, the stages (test x mode) with their verified mode
 * switch and pools, the inserts and their µs latencies, the dead-database watch, this injector's side of a run of
 * several, the finish (reconciliation, gap analysis, pages, nightly checks) and the merge behind {@code sequela report}.
 * Never uses another simulation's package.
 */
package io.sequela.seqorder;

/**
 * sequela's own run record: what every request of a run came to (request key, start and end in ns on one clock,
 * OK or KO, error code, rows), written by the run itself into its run folder ({@link RequestRecord}) and read
 * back by one reader ({@link RequestRecords}). Reconciliation, KO codes, latencies, the nightly checks and the
 * merge of several injectors read this record, never Gatling's simulation.log (docs/results.md, the format).
 */
package io.sequela.record;

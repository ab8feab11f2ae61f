/**
 * Live database probes around a measured block: server counters (index size, WAL, block reads), wait-event
 * sampling and per-instance wait deltas.
 */
package io.sequela.probe;

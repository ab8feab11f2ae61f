/**
 * The one percentile definition (HdrHistogram, nearest rank), the one confidence interval of a difference, latency
 * recording in µs and its interval log, KeyGen's and QueryBench's figures, and the nightly noise band.
 */
package io.sequela.stats;

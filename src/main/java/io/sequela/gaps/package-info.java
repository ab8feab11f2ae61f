/**
 * SeqOrder's analysis of JOB_EXECUTION: gaps, inversions (Kendall tau distance), islands, the ORDER vs NOORDER
 * comparison, the reconciliation of planned, OK/KO and rows, and the insert latencies per test x mode x node.
 */
package io.sequela.gaps;

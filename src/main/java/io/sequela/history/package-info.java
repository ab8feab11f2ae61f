/**
 * The runs across time: one CSV per simulation and test (Apache Otava's columns), the baseline a run is compared
 * with, the regression gate, and what the trend page shows.
 */
package io.sequela.history;

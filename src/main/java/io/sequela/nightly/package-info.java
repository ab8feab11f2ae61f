/**
 * A run's nightly checks once its figures are known: the headline figures per simulation, the regression gate
 * against the baseline, history rows and the JUnit file.
 */
package io.sequela.nightly;

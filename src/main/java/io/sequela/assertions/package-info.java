/**
 * The outcome of a plan's checks: one JUnit testcase per check ({@code Check}), a simulation's testsuite ({@code Checks})
 * and sequela-assertions.xml ({@code JunitXml}). The limits themselves are plan model, in {@code config}.
 */
package io.sequela.assertions;

/**
 * sequela's library: the root holds {@link io.sequela.SequelaException} and its kinds (invalid input, database failure,
 * unsupported dialect). One package per simulation ({@code seqorder}, {@code keygen}, {@code querybench}), the tables several
 * injectors meet in ({@code injectors}), what every run does around Gatling ({@code run}), and the shared rooms below them;
 * docs/architecture.md is the map. Gatling-free: the simulations sit in simulations/.
 */
package io.sequela;

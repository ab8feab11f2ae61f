/**
 * The tables several injectors (load-generator JVMs) of one run meet in: the stage barrier (SEQUELA_STAGE) and the
 * injectors' planned shares (SEQUELA_SHARE). Knows no simulation.
 */
package io.sequela.injectors;

/**
 * Gatling's run folder and its text simulation.log: this run's folder, OK/KO per request, KO codes, duplicate-key
 * messages, and Gatling's report generation over several injectors' logs.
 */
package io.sequela.gatlingrun;

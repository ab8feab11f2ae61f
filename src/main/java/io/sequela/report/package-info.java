/**
 * The pages and JSON added to a run folder and the console tables. Only reads results handed to it: no database
 * access, no run folder lookup, no simulation.log.
 */
package io.sequela.report;

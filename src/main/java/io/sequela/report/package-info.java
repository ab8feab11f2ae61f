/**
 * The pages and JSON added to a run folder and the console tables. Only reads results handed to it: no database
 * access, no run folder lookup, no simulation.log. Names: {@code <Name>Report} is handed the results and writes
 * the files into the run folder (for SequenceGaps, KeyGen, QueryStats and Trends); {@code <Name>Html} builds a page's
 * content; {@code <Name>Json} the JSON file's tree; {@code <Name>Charts} its charts.
 */
package io.sequela.report;

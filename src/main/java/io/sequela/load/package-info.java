/**
 * The JDBC side of the one lean Gatling action: a worker thread and connection per virtual user ({@code JdbcWorkers}),
 * the units of work ({@code Work}) and their timed outcome in ns ({@code Outcome}).
 */
package io.sequela.load;

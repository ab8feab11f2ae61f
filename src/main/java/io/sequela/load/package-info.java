/**
 * The JDBC side of the one lean Gatling action: a worker and connection per virtual user ({@code JdbcWorkers}; its
 * work runs on the user's own thread, or on a thread of the worker's), the units of work ({@code Work}) and their
 * timed outcome in ns ({@code Outcome}).
 */
package io.sequela.load;

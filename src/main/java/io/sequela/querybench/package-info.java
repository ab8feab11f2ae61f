/**
 * QueryBenchSimulation's run: the query CSV, rendezvous (highest random weight) hashing and the balanced
 * assignments of hosts to workers, the worker queues, the cpu_usage data set, and the query statistics handed to the report.
 * Never uses another simulation's package.
 */
package io.sequela.querybench;

/**
 * Everything that differs between databases: targets, one dialect class per database behind {@code Dialect} and its
 * small SQL interfaces ({@code SequenceSql}, {@code ProbeSql}, ...), pools, the embedded PostgreSQL, the local Galera cluster
 * and the SQL scripts.
 */
package io.sequela.db;

/**
 * The reproducible populator: seeded models, the loader (COPY or JDBC batches) and the verifier (same seed, same
 * rows, checked by fingerprints).
 */
package io.sequela.populate;

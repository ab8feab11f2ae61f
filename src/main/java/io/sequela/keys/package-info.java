/**
 * Key generation: UUIDv1/v4/v7 (RFC 9562), Snowflake, site + sequence, sequence blocks (hi/lo), key tables and a
 * plan's strategies checked on its database.
 */
package io.sequela.keys;

/**
 * Every setting and plan, read and checked once before any database work: {@code Settings} (reference.conf with
 * -Dsequela.* over it), the settings records, the plan models and their loaders, and the plans' own value types.
 * Imports nothing of ours.
 */
package io.sequela.config;

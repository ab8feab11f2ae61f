/**
 * KeyGenSimulation's run (DMTN-099 redone): key tables, pre-seeded rows, the warm-up and measured phases in rotated
 * order, the polling stage gate, the sequence-block keys, and the nightly checks of its figures. Never uses another
 * simulation's package.
 */
package io.sequela.keygen;

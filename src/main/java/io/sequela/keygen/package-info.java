/**
 * KeyGenSimulation's run (DMTN-099 redone): key tables, pre-seeded rows, each strategy's warm-up and the measured
 * blocks in a balanced order (the experiment design, {@code io.sequela.design}), the polling step gate, the results
 * gathered once and analysed once, the sequence-block keys, and the nightly checks of its figures. Never uses another
 * simulation's package.
 */
package io.sequela.keygen;

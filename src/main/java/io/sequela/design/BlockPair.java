package io.sequela.design;

/**
 * Two blocks compared with each other: the blocks of variants a and b in the same round (neighbours when there
 * are two variants). A pair's difference is b's figure minus a's.
 *
 * @param a the block of the reference variant (e.g. NOORDER)
 * @param b the block of the variant whose cost is measured (e.g. ORDER)
 */
record BlockPair(Block a, Block b) {}

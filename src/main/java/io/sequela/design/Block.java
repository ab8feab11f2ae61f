package io.sequela.design;

/**
 * One planned block: an uninterrupted measured stretch of one variant.
 *
 * @param variant the variant's index in the list handed to {@link BlockOrder#balanced} (0-based); two entries with
 *     the same setting (an A/A run) are two variants
 * @param name the variant's name: its label, with {@code #1}, {@code #2}, ... appended when labels repeat
 * @param number the variant's own block number, 0-based (its n-th block)
 * @param round the round the block belongs to, 0-based; a round runs every variant once
 * @param slot the block's place within its round, 0-based (0 runs first)
 * @param position the block's place in the whole sequence, 0-based
 */
public record Block(int variant, String name, int number, int round, int slot, int position) {}

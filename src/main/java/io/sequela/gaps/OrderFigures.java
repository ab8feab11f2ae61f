package io.sequela.gaps;

/**
 * How far the id order of one test x mode departs from its time order.
 *
 * @param adjacentInversions rows whose id is lower than the id of the row just before them in time order
 * @param totalInversions pairs (earlier, later) in time order whose ids are in the opposite order: the
 *     Kendall tau distance between time order and id order (equal ids are not inversions)
 * @param crossNodeInversions the part of {@code totalInversions} whose two rows come from different nodes
 * @param sameNodeInversions the part of {@code totalInversions} whose two rows come from the same node
 * @param maxDisplacement the largest |rank by time - rank by id| over all rows (ranks from 0; equal ids
 *     ranked in time order)
 */
public record OrderFigures(
    long adjacentInversions, long totalInversions, long crossNodeInversions, long sameNodeInversions,
    long maxDisplacement) {}

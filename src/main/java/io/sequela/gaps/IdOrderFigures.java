package io.sequela.gaps;

/**
 * What walking the rows of one test x mode in id order (equal ids by node number) shows. Ids are sequence
 * parts.
 *
 * @param distinctIds distinct sequence parts
 * @param duplicateIds rows whose sequence part the row before them (in id order) already had
 * @param minId lowest sequence part, 0 without rows
 * @param maxId highest sequence part, 0 without rows
 * @param gapCount places where the next id is more than one step higher (values of its own class missing)
 * @param largestGap the most values missing at one place, 0 without gaps (missing by design not counted)
 * @param islands runs of ids one step apart from one node (a duplicate starts a new run)
 * @param nodeSwitches times the node changes from one row to the next
 * @param gapSizes how many gaps of each size
 * @param missingByDesign values between ids that belong to other nodes' residue classes (id step &gt; 1
 *     only, see {@link IdOrderWalk}); 0 with step 1
 */
record IdOrderFigures(
    long distinctIds, long duplicateIds, long minId, long maxId, long gapCount, long largestGap, long islands,
    long nodeSwitches, GapHistogram gapSizes, long missingByDesign) {}

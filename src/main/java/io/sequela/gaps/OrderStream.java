package io.sequela.gaps;

import java.util.Arrays;

/**
 * Inversion figures, and the gaps and islands of the id order, from one streamed pass over (id, node) in
 * time order, in O(n log n) time and 17 bytes per row (one packed {@code long} key, one merge buffer
 * {@code long}, one node index byte), plus up to 4.5 bytes of slack: the key and node arrays grow by half
 * when full.
 *
 * <p>Each row is packed as {@code id << 29 | timeRank}; a bottom-up merge sort of the keys counts the
 * total inversions (Kendall tau distance) and leaves the rows in id order, which gives every row's rank by
 * id and so the displacement, and which an {@link IdOrderWalk} turns into gaps, islands, duplicates and
 * node switches (so the database sorts the rows once, by time). Same-node inversions come from a second
 * merge sort of the rows grouped by node in time order, keyed {@code node << 56 | id << 29 | timeRank}:
 * pairs from different nodes are then never out of order. Not thread-safe; one instance per test x mode.
 */
final class OrderStream {

  /** Largest sequence part an id may have (27 bits; MOD(id, 1e8) always fits). */
  public static final long MAX_ID = (1L << 27) - 1;
  /** Most rows one stream may take (29 bits of time rank). */
  public static final int MAX_ROWS = 1 << 29;
  /** Most distinct nodes one stream may take. */
  public static final int MAX_NODES = 127;

  private static final int RANK_BITS = 29;
  private static final long RANK_MASK = (1L << RANK_BITS) - 1;
  private static final int NODE_SHIFT = 56;

  private long[] keys;
  private byte[] nodeIndex;
  private final int[] nodes = new int[MAX_NODES];
  private int nodeCount;
  private int rows;
  private long previousId = -1;
  private long adjacent;
  private IdOrderFigures idOrder;
  private final int idStep;

  /**
   * @param expectedRows rows the stream is likely to get (it grows beyond when needed), at least 0
   */
  public OrderStream(int expectedRows) {
    this(expectedRows, 1);
  }

  /**
   * @param expectedRows rows the stream is likely to get (it grows beyond when needed), at least 0
   * @param idStep how far apart one node's consecutive ids are (the Galera cluster size under its residue
   *     classes, else 1), at least 1; see {@link IdOrderWalk}
   */
  public OrderStream(int expectedRows, int idStep) {
    if (idStep < 1) {
      throw new IllegalArgumentException("id step must be at least 1, got " + idStep);
    }
    keys = new long[Math.max(16, expectedRows)];
    nodeIndex = new byte[keys.length];
    this.idStep = idStep;
  }

  /**
   * Takes the next row in time order.
   *
   * @param id the sequence part of the id, 0 to {@link #MAX_ID}
   * @param node the node number
   * @return the node's index: 0 for the first node seen, 1 for the second, ...
   * @throws IllegalArgumentException for an id outside the range, more than {@link #MAX_ROWS} rows or more
   *     than {@link #MAX_NODES} nodes
   * @throws IllegalStateException after {@link #finish()}
   */
  public int add(long id, int node) {
    if (idOrder != null) {
      throw new IllegalStateException("stream already finished");
    }
    if (id < 0 || id > MAX_ID) {
      throw new IllegalArgumentException("sequence part out of range 0.." + MAX_ID + ": " + id);
    }
    if (rows == keys.length) {
      grow();
    }
    if (id < previousId) {
      adjacent++;
    }
    previousId = id;
    keys[rows] = id << RANK_BITS | rows;
    byte index = indexOf(node);
    nodeIndex[rows] = index;
    rows++;
    return index;
  }

  private void grow() {
    if (rows >= MAX_ROWS) {
      throw new IllegalArgumentException("more than " + MAX_ROWS + " rows in one stream");
    }
    int size = (int) Math.min(MAX_ROWS, keys.length + (keys.length >> 1));
    keys = Arrays.copyOf(keys, size);
    nodeIndex = Arrays.copyOf(nodeIndex, size);
  }

  private byte indexOf(int node) {
    for (int i = nodeCount - 1; i >= 0; i--) {
      if (nodes[i] == node) {
        return (byte) i;
      }
    }
    if (nodeCount == MAX_NODES) {
      throw new IllegalArgumentException("more than " + MAX_NODES + " nodes in one stream");
    }
    nodes[nodeCount] = node;
    return (byte) nodeCount++;
  }

  /** Rows taken so far. */
  public int rows() {
    return rows;
  }

  /**
   * Computes the figures; the stream takes no more rows afterwards, and {@link #idOrder()} is ready.
   *
   * @return the figures, all 0 for fewer than two rows
   */
  public OrderFigures finish() {
    if (idOrder != null) {
      throw new IllegalStateException("stream already finished");
    }
    long[] buffer = new long[rows];
    long total = countInversions(keys, buffer, rows);
    IdOrderWalk walk = new IdOrderWalk(idStep);
    long maxDisplacement = 0;
    for (int p = 0; p < rows; p++) {
      long rank = keys[p] & RANK_MASK;
      maxDisplacement = Math.max(maxDisplacement, Math.abs(p - rank));
      walk.add(keys[p] >>> RANK_BITS, nodes[nodeIndex[(int) rank]]);
      buffer[(int) rank] = keys[p];
    }
    idOrder = walk.finish();
    groupByNodeInTimeOrder(buffer);
    long sameNode = countInversions(keys, buffer, rows);
    return new OrderFigures(adjacent, total, total - sameNode, sameNode, maxDisplacement);
  }

  /**
   * The gaps and islands of the id order (equal ids by node number).
   *
   * @throws IllegalStateException before {@link #finish()}
   */
  public IdOrderFigures idOrder() {
    if (idOrder == null) {
      throw new IllegalStateException("stream not finished");
    }
    return idOrder;
  }

  /** Fills {@code keys} with the rows of {@code timeOrdered}, node by node, each node in time order. */
  private void groupByNodeInTimeOrder(long[] timeOrdered) {
    int[] start = new int[nodeCount + 1];
    for (int i = 0; i < rows; i++) {
      start[nodeIndex[i] + 1]++;
    }
    for (int k = 0; k < nodeCount; k++) {
      start[k + 1] += start[k];
    }
    for (int i = 0; i < rows; i++) {
      int k = nodeIndex[i];
      keys[start[k]++] = (long) k << NODE_SHIFT | timeOrdered[i];
    }
  }

  /**
   * Sorts {@code a[0..n)} ascending with a bottom-up merge sort and returns the number of pairs i &lt; j
   * with a[i] &gt; a[j]. Runs that are already in order are copied, not merged.
   *
   * @param buffer scratch space of at least n elements
   */
  static long countInversions(long[] a, long[] buffer, int n) {
    long inversions = 0;
    long[] src = a;
    long[] dst = buffer;
    for (int width = 1; width < n; width <<= 1) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        if (mid >= hi || src[mid - 1] <= src[mid]) {
          System.arraycopy(src, lo, dst, lo, hi - lo);
          continue;
        }
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          if (src[i] <= src[j]) {
            dst[k++] = src[i++];
          } else {
            dst[k++] = src[j++];
            inversions += mid - i;
          }
        }
        System.arraycopy(src, i, dst, k, mid - i);
        System.arraycopy(src, j, dst, k + mid - i, hi - j);
      }
      long[] t = src;
      src = dst;
      dst = t;
    }
    if (src != a) {
      System.arraycopy(src, 0, a, 0, n);
    }
    return inversions;
  }
}

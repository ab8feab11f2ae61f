package io.sequela.populate;

import java.util.ArrayList;
import java.util.List;

/**
 * A half-open range of row numbers [from, to) of one table: the unit of parallel work. Values do not
 * depend on how rows are split, so any split and any number of threads give the same data.
 */
record RowRange(Table table, long from, long to) {

  /** Rows per range: large enough for one COPY or batch run, small enough to spread over threads. */
  static final long CHUNK_ROWS = 100_000;

  long size() {
    return to - from;
  }

  /** The ranges of every table, in table order. */
  static List<RowRange> split(Model model) {
    List<RowRange> out = new ArrayList<>();
    for (Table t : model.tables()) {
      for (long from = 0; from < t.rows(); from += CHUNK_ROWS) {
        out.add(new RowRange(t, from, Math.min(t.rows(), from + CHUNK_ROWS)));
      }
    }
    return out;
  }
}

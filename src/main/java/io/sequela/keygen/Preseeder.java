package io.sequela.keygen;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.db.Target;
import io.sequela.populate.Model;
import io.sequela.populate.ModelLoader;
import io.sequela.populate.Populator;
import io.sequela.populate.Progress;
import io.sequela.populate.Schema;
import io.sequela.populate.Table;
import java.io.PrintWriter;
import java.util.List;
import io.sequela.keys.KeyStrategy;

/**
 * Loads the pre-seeded rows of one strategy's table before its warm-up and blocks (not timed). The table
 * exists, empty, without primary key or defaults ({@link io.sequela.keys.KeyTables#create}); the seeded
 * keys must not collide with the keys the blocks generate (sequences start after the largest seeded key,
 * Snowflake users use worker ids from 1, seeded time-based UUIDs are from 2017).
 */
@FunctionalInterface
interface Preseeder {

  /**
   * Loads {@code rows} rows into the strategy's table, on connections of its own.
   *
   * @param target the resolved target holding the table
   * @throws SequelaException.DatabaseFailure when the database refuses
   */
  void seed(Target target, KeyStrategy strategy, long rows);

  /**
   * The populator (io.sequela.populate) loading the model's table of the same name, with the plan's row
   * count, into the existing table ({@link Schema#NONE}); a plain progress line every 10 s. seq_scale is
   * seeded from the model's seq table.
   *
   * @param model the model file or classpath resource, e.g. {@code models/keygen.conf}
   * @param threads loading threads (and connections), at least 1
   * @param dialect the target's, checked against the model at once ({@link Model#checkLoadableInto})
   * @throws SequelaException.InvalidInput when the model is invalid, cannot be stored as generated in the
   *     target's database, or has no table for the strategy
   */
  static Preseeder populator(String model, int threads, Dialect dialect) {
    Model m = ModelLoader.load(model);
    m.checkLoadableInto(dialect);
    return (target, strategy, rows) -> {
      if (rows == 0) {
        return;
      }
      // seq_scale has no table of its own in the model: its seeded keys are seq's 1..n, far below any SCALE value
      Table source = m.table(strategy == KeyStrategy.SEQ_SCALE ? KeyStrategy.SEQ.table() : strategy.table());
      Table t = new Table(strategy.table(), rows, source.columns(), source.primaryKey(), source.indexes(), source.setupScript());
      try (Progress progress = Progress.console("pre-seed " + strategy.table(), rows, new PrintWriter(System.out, true), 10)) {
        Populator.load(new Model(m.seed(), List.of(t)), target, threads, Schema.NONE, progress);
      }
    };
  }
}

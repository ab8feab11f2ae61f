package io.sequela.simulation;

import io.sequela.SequelaException;
import io.sequela.db.Target;
import io.sequela.keys.KeyStrategy;

/**
 * Loads the pre-seeded rows of one strategy's table before its measured phase (not timed). The table
 * exists, empty, without primary key or defaults ({@link io.sequela.keys.KeyTables#create}); the seeded
 * keys must not collide with the keys the phase generates (sequences start after the largest seeded key,
 * Snowflake users use worker ids from 1, seeded time-based UUIDs are from 2017).
 */
@FunctionalInterface
public interface Preseeder {

  /**
   * Loads {@code rows} rows into the strategy's table, on connections of its own.
   *
   * @param target the resolved target holding the table
   * @throws SequelaException.DatabaseFailure when the database refuses
   */
  void seed(Target target, KeyStrategy strategy, long rows);

  /**
   * The populator (io.sequela.populate, issue 5) loading the model's table of the same name.
   * Until that package is merged, any positive row count is refused.
   *
   * @param model the model file or classpath resource, e.g. {@code models/keygen.conf}
   * @param threads loading threads, at least 1
   */
  static Preseeder populator(String model, int threads) {
    return (target, strategy, rows) -> {
      if (rows > 0) {
        throw new SequelaException.InvalidInput("preseed_rows: pre-seeding needs io.sequela.populate (issue 5), "
            + "which this build does not have yet; set preseed_rows = 0");
      }
    };
  }
}

package io.sequela.history;

/**
 * One headline figure of a run: one column of the history CSV.
 *
 * @param column the CSV column, lower-case letters, digits and '_' (e.g. {@code order_node1_p99_us})
 * @param scope what it measures, as check names show it (e.g. {@code 70_30_ratio ORDER node 1})
 * @param figure the figure with its unit in the name (e.g. {@code p99_us}, {@code rows_per_s})
 * @param direction which way it gets better; NONE is not gated against the baseline
 * @param value the value, or null when it was not measured in this run
 */
public record Metric(String column, String scope, String figure, Direction direction, Double value) {

  /** A column name from parts: lower-cased, every run of other characters becomes one '_'. */
  public static String column(String... parts) {
    return String.join("_", parts).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_|_$", "");
  }
}

package io.sequela.querybench;

import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.populate.Generator;
import io.sequela.populate.Model;
import io.sequela.populate.ModelLoader;
import io.sequela.populate.Populator;
import io.sequela.populate.Table;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;

/**
 * The query benchmark's default data set, written by the populator from {@link #MODEL}
 * (resources/models/cpu_usage.conf: 20 hosts {@code host_000000}..{@code host_000019}, one row every 10 s
 * for 48 h from 2017-01-01 00:00:00 UTC, 345,600 rows, seed 2017), so every run and machine loads the
 * same rows. Only the model's {@code cpu_usage} table is loaded, into the table {@link CpuUsageTable} made.
 */
public final class ModelCpuUsage implements CpuUsageSource {

  /** The shipped model, a classpath resource. */
  public static final String MODEL = "models/cpu_usage.conf";
  /** The columns the benchmark's query reads, as {@code name type} in table order. */
  static final List<String> SHAPE = List.of("ts timestamptz", "host text", "usage double precision");

  private final String origin;
  private final Model model;

  private ModelCpuUsage(String origin, Model model) {
    this.origin = origin;
    this.model = model;
  }

  /** The benchmark's default data set from {@link #MODEL}. */
  public static ModelCpuUsage benchmarkDefault() {
    return of(MODEL, ModelLoader.load(MODEL));
  }

  /**
   * The {@code cpu_usage} table of a model.
   *
   * @param origin where the model came from, for messages
   * @throws SequelaException.InvalidInput when the model has no {@code cpu_usage} table with exactly the
   *     columns {@link #SHAPE}, or when that table takes values from another table
   */
  public static ModelCpuUsage of(String origin, Model model) {
    Table t;
    try {
      t = model.table("cpu_usage");
    } catch (SequelaException.InvalidInput e) {
      throw new SequelaException.InvalidInput(origin + ": " + e.getMessage());
    }
    List<String> shape = t.columns().stream().map(c -> c.name() + " " + c.type()).toList();
    if (!shape.equals(SHAPE)) {
      throw new SequelaException.InvalidInput(origin + ": tables.cpu_usage.columns: must be " + String.join(", ", SHAPE)
          + " for the query benchmark, got " + String.join(", ", shape));
    }
    if (t.columns().stream().anyMatch(c -> c.generator() instanceof Generator.Ref)) {
      throw new SequelaException.InvalidInput(origin + ": tables.cpu_usage.columns: ref generators are not supported here");
    }
    return new ModelCpuUsage(origin, new Model(model.seed(), List.of(t)));
  }

  /** Rows the load writes. */
  public long rows() {
    return model.totalRows();
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "populator model %s, seed %d, %,d rows", origin, model.seed(), rows());
  }

  /** Writes the rows through COPY where the dialect takes it ({@link Populator#loadRows}). */
  @Override
  public long load(Connection c, Dialect dialect) {
    return Populator.loadRows(model, c, dialect);
  }
}

package io.sequela.populate;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/*
 * What the populator's client side costs per row of bench/populate-vs-pgbench.sh's models: generating the
 * values and writing them in COPY binary format into the buffer that goes to the server. Against it, the
 * same number of bytes copied from a prepared row (the floor of any client). At 5,000,000 rows, 200 ns a
 * row is 1 s of the one loading thread.
 *
 * HOW TO RUN: mvn -Pbench verify -Dbench=RowBinaryBenchmark   (results in target/jmh-result.json)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RowBinaryBenchmark {

  @Param({"bench/populate-5m.conf", "bench/populate-5m-timestamp.conf", "bench/populate-5m-random-text.conf"})
  public String model;

  private RowBinary rows;
  private CopyBuffer buf;
  private byte[] sample;
  private long row;

  @Setup
  public void setUp() throws Exception {
    Model m = ModelLoader.load(model);
    Table t = m.tables().get(0);
    List<ColumnValues> values = t.columns().stream().map(c -> ColumnValues.of(m, t, c)).toList();
    rows = new RowBinary(t, values);
    buf = new CopyBuffer(RangeLoader.BUFFER_BYTES + 4096);
    // one average row's bytes, for the copy-only floor
    for (long r = 0; r < 1000; r++) {
      rows.append(buf, r);
    }
    sample = java.util.Arrays.copyOf(buf.bytes(), buf.size() / 1000);
    buf.clear();
  }

  @Benchmark
  public int generateAndEncodeRow() throws Exception {
    rows.append(buf, row++ % 5_000_000);
    return flushIfFull();
  }

  @Benchmark
  public int copyPreparedRow() {
    buf.putBytes(sample);
    return flushIfFull();
  }

  private int flushIfFull() {
    int size = buf.size();
    if (size >= RangeLoader.BUFFER_BYTES) {
      buf.clear();
    }
    return size;
  }
}

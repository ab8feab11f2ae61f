package io.sequela.bench;

import io.sequela.keys.Snowflake;
import io.sequela.keys.Uuids;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/*
 * What a client-side key costs to make, next to the 0.1-1 ms of the INSERT it goes into: one shared
 * generator (as KeyGenSimulation shares one UUID generator among its users), 1 thread and 4 threads.
 * The baseline is a plain counter, the cheapest unique long there is. Snowflake cannot beat
 * 1 ms / 4,096 = 244 ns per id and worker: past 4,096 ids in a millisecond it waits for the next one.
 *
 * HOW TO RUN: mvn -Pbench verify -Dbench=KeyGeneratorBenchmark   (results in target/jmh-result.json)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class KeyGeneratorBenchmark {

  private final Snowflake snowflake = new Snowflake(1);
  private final AtomicLong counter = new AtomicLong();

  /** One shared UUID generator per version. */
  @State(Scope.Benchmark)
  public static class UuidGenerator {
    @Param({"uuid1", "uuid4", "uuid7"})
    public String uuid;

    Supplier<UUID> uuids;

    @Setup
    public void setUp() {
      uuids = Uuids.generator(Integer.parseInt(uuid.substring(4)));
    }
  }

  @Benchmark
  public long baselineCounter() {
    return counter.incrementAndGet();
  }

  @Benchmark
  public UUID uuid(UuidGenerator g) {
    return g.uuids.get();
  }

  @Benchmark
  public long snowflake() {
    return snowflake.next();
  }

  @Benchmark
  @Threads(4)
  public UUID uuid4Threads(UuidGenerator g) {
    return g.uuids.get();
  }

  @Benchmark
  @Threads(4)
  public long snowflake4Threads() {
    return snowflake.next();
  }
}

package io.sequela.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.sequela.db.Dialect;
import io.sequela.db.Pools;
import io.sequela.db.Target;
import io.sequela.keys.SequenceBlockAllocator;
import io.sequela.keys.SequenceBlockOptions;
import io.sequela.keys.SequenceBlockTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Mean time per key (ns/op, per thread) of {@link SequenceBlockAllocator#next()} for block sizes 1 to
 * 10000, against the reference: one {@code nextval} round trip per key ({@link Dialect#nextvalQuery}) on
 * a CACHE 1 sequence. Both run on the same embedded PostgreSQL 16 (fsync on, synchronous_commit on),
 * with 1 and 4 threads; the allocator prefetches at its default 80%.
 *
 * <p>Goals (issue 4): at block size 1000, at most 1 µs per key and at least 100 times faster than
 * nextval. Timings are read from target/jmh-result.json; nothing here asserts them.
 *
 * <p>HOW TO RUN: {@code mvn -Pbench verify -Dbench=SequenceBlockBenchmark} (about 3 minutes);
 * {@code -Dbench=SequenceBlockBenchmark.allocator1Thread} runs one method.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
public class SequenceBlockBenchmark {

  private static final String NEXTVAL_SEQUENCE = "bench_nextval";

  /** One allocator shared by all benchmark threads, on a fresh SEQUENCE_BLOCK row. */
  @State(Scope.Benchmark)
  public static class Blocks {
    @Param({"1", "10", "100", "1000", "10000"})
    int blockSize;

    HikariDataSource pool;
    SequenceBlockAllocator allocator;

    @Setup(Level.Trial)
    public void open() throws SQLException {
      pool = Pools.open(Target.parse("embedded", null, null).resolve(), "bench-blocks", 2);
      String name = "bench_block_" + blockSize;
      try (Connection c = pool.getConnection(); PreparedStatement del = c.prepareStatement(
          "DELETE FROM SEQUENCE_BLOCK WHERE SEQ_NAME = ?")) {
        SequenceBlockTable.create(c, Dialect.POSTGRESQL);
        del.setString(1, name);
        del.executeUpdate();
        SequenceBlockTable.insertSequence(c, name, 1);
      }
      allocator = SequenceBlockAllocator.open(pool, Dialect.POSTGRESQL, SequenceBlockOptions.of(name).withBlockSize(blockSize));
    }

    @TearDown(Level.Trial)
    public void close() {
      allocator.close();
      if (allocator.stats().keysIssued() == 0) {
        throw new IllegalStateException("the allocator handed out no key");
      }
      pool.close();
    }
  }

  /** The reference's shared pool and its CACHE 1 sequence. */
  @State(Scope.Benchmark)
  public static class NextvalPool {
    HikariDataSource pool;

    @Setup(Level.Trial)
    public void open() throws SQLException {
      pool = Pools.open(Target.parse("embedded", null, null).resolve(), "bench-nextval", 4);
      try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
        st.execute("CREATE SEQUENCE IF NOT EXISTS " + NEXTVAL_SEQUENCE + " CACHE 1");
      }
    }

    @TearDown(Level.Trial)
    public void close() {
      pool.close();
    }
  }

  /** One connection per thread with the nextval query prepared, as a client would hold it. */
  @State(Scope.Thread)
  public static class NextvalSession {
    Connection connection;
    PreparedStatement nextval;

    @Setup(Level.Trial)
    public void open(NextvalPool shared) throws SQLException {
      connection = shared.pool.getConnection();
      nextval = connection.prepareStatement(Dialect.POSTGRESQL.nextvalQuery(NEXTVAL_SEQUENCE));
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      nextval.close();
      connection.close();
    }

    long next() throws SQLException {
      try (ResultSet rs = nextval.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Benchmark
  @Threads(1)
  public long allocator1Thread(Blocks b) {
    return b.allocator.next();
  }

  @Benchmark
  @Threads(4)
  public long allocator4Threads(Blocks b) {
    return b.allocator.next();
  }

  @Benchmark
  @Threads(1)
  public long nextval1Thread(NextvalSession s) throws SQLException {
    return s.next();
  }

  @Benchmark
  @Threads(4)
  public long nextval4Threads(NextvalSession s) throws SQLException {
    return s.next();
  }
}

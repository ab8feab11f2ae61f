package io.sequela.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyRecorderTest {

  @TempDir
  Path tmp;

  /** A wall clock in ms that moves only when the test moves it: 2024-01-01T00:00:00Z to start with. */
  private final AtomicLong clockMs = new AtomicLong(1_704_067_200_000L);

  @Test
  void theIntervalLogParsesBackWithHdrHistogramsReaderToTheSameCounts() throws Exception {
    Path log = tmp.resolve("latency.hlog");
    LatencyRecorder recorder = new LatencyRecorder(log, clockMs::get); // intervals taken by tick(), as the ticker does
    LatencyRecorder.Channel order = recorder.channel("t/ORDER/node-1");
    LatencyRecorder.Channel noorder = recorder.channel("t/NOORDER/node-2");
    LatencyRecorder.Channel commit = recorder.channel("t/ORDER/node-1/commit");
    CountDownLatch later = new CountDownLatch(1);
    Thread second = new Thread(() -> {
      for (int i = 0; i < 3000; i++) {
        noorder.recordNanos(150_000 + i * 10L);
      }
      later.countDown();
    });
    second.start();
    for (int i = 0; i < 4000; i++) {
      order.recordNanos(200_000 + i * 100L); // 200 to 600 µs
      if (i % 1000 == 999) {
        clockMs.addAndGet(1_000); // four intervals of 1 s, the last one taken by close()
        if (i < 3999) {
          recorder.tick();
        }
      }
    }
    commit.recordNanos(1_499); // rounds to 1 µs
    later.await();
    recorder.close();
    recorder.close();
    order.recordNanos(1); // ignored by the closed log

    Map<String, Histogram> totals = recorder.totals();
    assertThat(totals.keySet()).containsExactly("t/NOORDER/node-2", "t/ORDER/node-1", "t/ORDER/node-1/commit");
    assertThat(totals.get("t/ORDER/node-1").getTotalCount()).isEqualTo(4000);
    assertThat(totals.get("t/ORDER/node-1/commit").getMaxValue()).isEqualTo(1);

    IntervalLog read = IntervalLog.read(log);
    assertThat(read.tags()).containsExactlyInAnyOrderElementsOf(totals.keySet());
    totals.forEach((tag, h) -> {
      assertThat(read.total(tag).getTotalCount()).as(tag).isEqualTo(h.getTotalCount());
      assertThat(read.total(tag)).as(tag).isEqualTo(h);
    });
    List<IntervalLog.Interval> intervals = read.intervals("t/ORDER/node-1");
    assertThat(intervals).hasSize(4);
    assertThat(intervals.stream().mapToLong(IntervalLog.Interval::count).sum()).isEqualTo(4000);
    for (int i = 0; i < intervals.size(); i++) {
      IntervalLog.Interval iv = intervals.get(i);
      assertThat(iv.count()).isEqualTo(1000);
      assertThat(iv.startS()).as("interval %d starts where the previous sample ended", i).isEqualTo(i, within(1e-9));
      assertThat(iv.endS()).isEqualTo(i + 1, within(1e-9));
      assertThat(iv.p50()).isBetween(200L + i * 100, 200L + (i + 1) * 100).isLessThanOrEqualTo(iv.p99());
    }
    assertThat(Files.readString(log)).contains("Tag=t/ORDER/node-1,", "#[Histogram log format version 1.3]",
        "#[StartTime: 1704067200.000");
  }

  @Test
  void aTagTheLogCannotCarryIsRefused() throws Exception {
    try (LatencyRecorder recorder = LatencyRecorder.start(tmp.resolve("x.hlog"), Duration.ofSeconds(1))) {
      assertThatThrownBy(() -> recorder.channel("t/ORDER/node 1")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("whitespace");
      assertThat(recorder.channel("a")).isSameAs(recorder.channel("a"));
    }
  }

  @Test
  void anUnloggedChannelIsNeitherWrittenNorTotalled() throws Exception {
    Path log = tmp.resolve("warm.hlog");
    LatencyRecorder recorder = new LatencyRecorder(log, clockMs::get);
    LatencyRecorder.Channel warm = recorder.unlogged("warm-up");
    LatencyRecorder.Channel block = recorder.channel("t/NOORDER/node-1");
    for (int i = 0; i < 500; i++) {
      warm.recordNanos(900_000);
      block.recordNanos(100_000);
    }
    clockMs.addAndGet(1_000);
    recorder.tick();
    recorder.close();
    assertThat(recorder.totals().keySet()).containsExactly("t/NOORDER/node-1");
    assertThat(recorder.totals().get("t/NOORDER/node-1").getMaxValue()).isLessThan(101);
    assertThat(IntervalLog.read(log).tags()).containsExactly("t/NOORDER/node-1");
    assertThat(Files.readString(log)).doesNotContain("warm-up");
  }

  @Test
  void anUnreadableLogIsNamed() {
    assertThatThrownBy(() -> IntervalLog.read(tmp.resolve("absent.hlog"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absent.hlog");
  }
}

package io.sequela.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistogramLogsTest {

  @TempDir Path dir;

  /** An interval log as an injector writes it: one histogram of µs values per second from startMs. */
  private Path log(String name, long startMs, String tag, long... perInterval) throws Exception {
    Path p = dir.resolve(name);
    HistogramLogWriter w = new HistogramLogWriter(p.toFile());
    w.outputLogFormatVersion();
    w.outputStartTime(startMs);
    w.setBaseTime(startMs);
    w.outputBaseTime(startMs);
    w.outputLegend();
    for (int i = 0; i < perInterval.length; i++) {
      Histogram h = new Histogram(3_600_000_000L, 3);
      for (long v = 1; v <= perInterval[i]; v++) {
        h.recordValue(100 * v);
      }
      h.setStartTimeStamp(startMs + 1000L * i);
      h.setEndTimeStamp(startMs + 1000L * (i + 1));
      h.setTag(tag);
      w.outputIntervalHistogram(h);
    }
    w.close();
    return p;
  }

  @Test
  void mergedLogHoldsEveryIntervalOfEveryInjectorInTimeOrderWithTheirTags() throws Exception {
    long t0 = 1_800_000_000_000L;
    Path one = log("one.hlog", t0 + 500, null, 10, 20, 30);
    Path two = log("two.hlog", t0, "insert", 5, 7);
    Path out = dir.resolve("latency.hlog");

    HistogramLogs.Merged merged = HistogramLogs.merge(List.of(one, two), out);

    assertThat(merged).isEqualTo(new HistogramLogs.Merged(5, 72));
    List<EncodableHistogram> read = new ArrayList<>();
    try (HistogramLogReader r = new HistogramLogReader(out.toFile())) {
      for (EncodableHistogram h = r.nextIntervalHistogram(); h != null; h = r.nextIntervalHistogram()) {
        read.add(h);
      }
    }
    assertThat(read).extracting(EncodableHistogram::getStartTimeStamp)
        .containsExactly(t0, t0 + 500, t0 + 1000, t0 + 1500, t0 + 2500);
    assertThat(read).extracting(EncodableHistogram::getTag).containsExactly("insert", null, "insert", null, null);
    Histogram all = new Histogram(3_600_000_000L, 3);
    read.forEach(h -> all.add((Histogram) h));
    assertThat(all.getTotalCount()).isEqualTo(72);
    assertThat(all.getMaxValue()).isEqualTo(all.highestEquivalentValue(3000));
  }

  @Test
  void aFileThatIsNoIntervalLogIsNamed() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.hlog"), "0.000,1.000,2.000,not-base64!\n");
    assertThatThrownBy(() -> HistogramLogs.merge(List.of(bad), dir.resolve("out.hlog")))
        .isInstanceOf(SequelaException.class).hasMessageContaining("bad.hlog");
  }
}

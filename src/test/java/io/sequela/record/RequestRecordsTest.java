package io.sequela.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestRecordsTest {

  @TempDir Path dir;

  @Test
  void whatIsWrittenIsReadBackWithKeysCodesAndNs() {
    Path file = dir.resolve(RequestRecord.FILE);
    long t0 = System.nanoTime();
    try (RequestRecord r = RequestRecord.open(file)) {
      int order = r.key("t ORDER node 1");
      int noorder = r.key("t NOORDER node 2");
      assertThat(r.key("t ORDER node 1")).isEqualTo(order);
      r.write(order, true, null, t0, 1_500, 1);
      r.write(order, false, "23505", t0 + 10, 2_000, 0);
      r.write(noorder, false, null, t0 + 20, 0, 0);
      r.write(noorder, false, "23505", t0 + 30, 7, 0);
    }
    List<RequestRecords.Request> all = new ArrayList<>();
    var outcomes = new RequestRecords(file).outcomesByRequest(all::add);
    assertThat(outcomes).containsEntry("t ORDER node 1", new RequestRecords.Outcomes(1, 1))
        .containsEntry("t NOORDER node 2", new RequestRecords.Outcomes(0, 2));
    assertThat(all).extracting(RequestRecords.Request::errorCode).containsExactly(null, "23505", RequestRecords.NO_CODE, "23505");
    assertThat(all.get(0).durationNanos()).isEqualTo(1_500);
    assertThat(all.get(1).startNanos() - all.get(0).startNanos()).isEqualTo(10);
    assertThat(all.get(0).rows()).isEqualTo(1);
    assertThat(Math.abs(all.get(0).startMs() - System.currentTimeMillis())).isLessThan(60_000);
  }

  @Test
  void manyThreadsLoseNothingAndACutOffLastEntryEndsTheStream() throws Exception {
    Path file = dir.resolve("many.rec");
    try (RequestRecord r = RequestRecord.open(file)) {
      int key = r.key("q");
      ExecutorService pool = Executors.newFixedThreadPool(4);
      for (int t = 0; t < 4; t++) {
        pool.execute(() -> {
          for (int i = 0; i < 10_000; i++) {
            r.write(key, true, null, System.nanoTime(), 100, 1);
          }
        });
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(new RequestRecords(file).outcomesByRequest().get("q").ok()).isEqualTo(40_000);
    byte[] b = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(b, b.length - 5));
    assertThat(new RequestRecords(file).outcomesByRequest().get("q").ok()).isEqualTo(39_999);
  }

  @Test
  void anotherVersionOrFileIsOneLineNamingIt() throws Exception {
    Path other = Files.write(dir.resolve("x.rec"), new byte[] {0x53, 0x51, 0x52, 0x45, 0, 9, 0, 0});
    assertThatThrownBy(() -> new RequestRecords(other).forEach(q -> { })).isInstanceOf(SequelaException.class)
        .hasMessageContaining("version 9");
    Path junk = Files.writeString(dir.resolve("y.rec"), "hello world, not a record");
    assertThatThrownBy(() -> new RequestRecords(junk).forEach(q -> { })).hasMessageContaining("not a sequela run record");
  }
}

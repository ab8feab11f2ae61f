package io.sequela.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {

  @TempDir Path dir;

  private static RunRecord run(String id, String status, double p99) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("order_node1_p99_us", p99);
    m.put("order_node1_rows", null);
    return new RunRecord(Instant.parse("2026-11-21T12:25:20.123Z"), id, status, "plan, v2.json", "abc", "postgresql embedded",
        "16.10", "f00d", "design=1; blocks=4", m);
  }

  private static final String HEADER = HistoryStore.header(List.of("order_node1_p99_us", "order_node1_rows"));

  @Test
  void rowsAppendUnderOneHeaderAndReadBack() throws Exception {
    HistoryStore store = new HistoryStore(dir);
    Path f = store.fileFor("SeqOrderSimulation", "t", HEADER, n -> { throw new AssertionError(n); });
    store.append(f, HEADER, run("r1", RunRecord.PASSED, 1500));
    store.append(f, HEADER, run("r2", RunRecord.FAILED, 1500.25));
    assertThat(Files.readAllLines(f)).containsExactly(HEADER,
        "2026-11-21T12:25:20Z,r1,passed,plan_ v2.json,abc,postgresql embedded,16.10,f00d,design=1; blocks=4,1500,nan",
        "2026-11-21T12:25:20Z,r2,failed,plan_ v2.json,abc,postgresql embedded,16.10,f00d,design=1; blocks=4,1500.250,nan");
    List<RunRecord> back = HistoryStore.read(f);
    assertThat(back).extracting(RunRecord::runId).containsExactly("r1", "r2");
    assertThat(back).extracting(RunRecord::design).containsOnly("design=1; blocks=4");
    assertThat(back.get(1).metrics()).containsEntry("order_node1_p99_us", 1500.25).containsEntry("order_node1_rows", null);
  }

  @Test
  void aRowCutShortIsNamedAndTheNextRunsRowIsWholeOnALineOfItsOwn() throws Exception {
    HistoryStore store = new HistoryStore(dir);
    Path f = store.fileFor("SeqOrderSimulation", "t", HEADER, n -> { throw new AssertionError(n); });
    store.append(f, HEADER, run("r1", RunRecord.PASSED, 1500));
    // a crash or a full disk mid-append: the last row lost its end and its newline
    Files.writeString(f, "2026-11-22T01:00:00Z,r2,passed,plan_ v2.json,abc,postgres", java.nio.file.StandardOpenOption.APPEND);
    store.append(f, HEADER, run("r3", RunRecord.PASSED, 1400));
    List<String> lines = Files.readAllLines(f);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(3)).isEqualTo("2026-11-21T12:25:20Z,r3,passed,plan_ v2.json,abc,postgresql embedded,16.10,f00d,design=1; blocks=4,1400,nan");
    List<String> notes = new ArrayList<>();
    List<RunRecord> back = HistoryStore.read(f, notes::add);
    assertThat(back).extracting(RunRecord::runId).containsExactly("r1", "r3");
    assertThat(notes).containsExactly("history: " + f + ":3: row not read (6 cells, the header has 11); not in the baseline "
        + "or the trends");
  }

  @Test
  void everyUnreadableRowIsNamedWithItsLine() throws Exception {
    Path f = Files.createDirectories(dir.resolve("SeqOrderSimulation")).resolve("t.csv");
    Files.writeString(f, HEADER + "\n"
        + "yesterday,r1,passed,p,abc,postgresql embedded,16.10,f00d,design=1,1,2\n"
        + "2026-11-21T12:25:20Z,r2,passed,p,abc,postgresql embedded,16.10,f00d,design=1,fast,2\n"
        + "\n"
        + "2026-11-21T12:25:20Z,r3,passed,p,abc,postgresql embedded,16.10,f00d,design=1,1,nan\n");
    List<String> notes = new ArrayList<>();
    assertThat(HistoryStore.read(f, notes::add)).extracting(RunRecord::runId).containsExactly("r3");
    assertThat(notes).containsExactly(
        "history: " + f + ":2: row not read (time 'yesterday' is not an ISO instant); not in the baseline or the trends",
        "history: " + f + ":3: row not read (order_node1_p99_us 'fast' is not a number); not in the baseline or the trends");
  }

  @Test
  void aFileWithAnotherHeaderIsNeverOverwrittenAndTheRowGoesBesideIt() throws Exception {
    Path foreign = Files.createDirectories(dir.resolve("SeqOrderSimulation")).resolve("t.csv");
    Files.writeString(foreign, "date,value\n2024-01-01,3\n");
    HistoryStore store = new HistoryStore(dir);
    List<String> notes = new ArrayList<>();
    Path f = store.fileFor("SeqOrderSimulation", "t", HEADER, notes::add);
    store.append(f, HEADER, run("r1", RunRecord.PASSED, 1));
    assertThat(f.getFileName().toString()).isEqualTo("t-2.csv");
    assertThat(Files.readString(foreign)).isEqualTo("date,value\n2024-01-01,3\n");
    assertThat(notes).singleElement().asString().contains(foreign.toString()).contains("another header");
    assertThat(HistoryStore.read(f)).hasSize(1);
    // the next run finds the file with its header again
    assertThat(store.fileFor("SeqOrderSimulation", "t", HEADER, n -> { })).isEqualTo(f);
  }

  @Test
  void runsAppendingAtOnceNeverInterleaveARow() throws Exception {
    HistoryStore store = new HistoryStore(dir);
    Path f = store.fileFor("KeyGenSimulation", "k", HEADER, n -> { });
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        for (int i = 0; i < 25; i++) {
          store.append(f, HEADER, run("run-" + thread + "-" + i, RunRecord.PASSED, thread * 1000 + i));
        }
        return null;
      }));
    }
    for (Future<?> d : done) {
      d.get();
    }
    pool.shutdown();
    List<String> lines = Files.readAllLines(f);
    assertThat(lines.get(0)).isEqualTo(HEADER);
    assertThat(lines).hasSize(201);
    assertThat(HistoryStore.read(f)).hasSize(200);
  }
}

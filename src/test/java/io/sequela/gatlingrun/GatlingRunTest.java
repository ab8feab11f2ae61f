package io.sequela.gatlingrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.record.RequestRecord;
import io.sequela.record.RequestRecords;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatlingRunTest {

  @TempDir Path results;

  @Test
  void a311TextLogBecomesARunRecord() throws Exception {
    Path run = Files.createDirectories(results.resolve("seqordersimulation-20261121122522077"));
    Files.writeString(run.resolve("simulation.log"), String.join("\n",
        "RUN\tSeqOrderSimulation\tseqordersimulation\t1795264304681\t \t3.11.5",
        "USER\tt ORDER node 1\tSTART\t1795264304978",
        "REQUEST\tORDER\tt ORDER node 1\t1795264304952\t1795264305044\tOK\t ",
        "REQUEST\tORDER\tt ORDER node 1\t1795264304960\t1795264305050\tKO\tERROR: duplicate key value violates unique constraint",
        "REQUEST\tORDER\tt ORDER node 1\t1795264304970\t1795264305060\tOK\t ",
        "REQUEST\tNOORDER\tt NOORDER node 2\t1795264304970\t1795264305060\tOK\t ",
        "USER\tt ORDER node 1\tEND\t1795264305978",
        ""));
    GatlingRun gr = GatlingRun.latest(results, "SeqOrderSimulation").orElseThrow();
    assertThat(gr.folder()).isEqualTo(run);
    assertThat(gr.hasReport()).isFalse();
    try (RequestRecord record = RequestRecord.open(run.resolve(RequestRecord.FILE))) {
      TextLog.copyInto(gr.simulationLog(), record);
    }
    List<RequestRecords.Request> requests = new ArrayList<>();
    assertThat(RequestRecords.in(run).outcomesByRequest(requests::add))
        .containsEntry("t ORDER node 1", new RequestRecords.Outcomes(2, 1))
        .containsEntry("t NOORDER node 2", new RequestRecords.Outcomes(1, 0))
        .hasSize(2);
    assertThat(requests.get(0).startMs()).isEqualTo(1795264304952L);
    assertThat(requests.get(0).durationNanos()).isEqualTo(92_000_000L);
    assertThat(requests.get(1).errorCode()).isEqualTo(DuplicateKeys.CODE);
  }

  @Test
  void latestPicksTheNewestRunOfThatSimulationOnly() throws Exception {
    Files.createDirectories(results.resolve("seqordersimulation-20261121120000000"));
    Path newest = Files.createDirectories(results.resolve("seqordersimulation-20261121130000000"));
    Files.createDirectories(results.resolve("keygensimulation-20261121140000000"));
    Files.createDirectories(results.resolve("seqordersimulation-merged-run-1"));
    Files.createDirectories(results.resolve("seqordersimulation-injector-2-20261121140000000"));
    assertThat(GatlingRun.latest(results, "SeqOrderSimulation").orElseThrow().folder()).isEqualTo(newest);
    assertThat(GatlingRun.latest(results, "QueryBenchSimulation")).isEmpty();
    assertThat(GatlingRun.latest(results.resolve("missing"), "SeqOrderSimulation")).isEmpty();
  }

  @Test
  void latestWithAReportPicksTheNewestRunFolderHoldingIndexHtml() throws Exception {
    for (String name : new String[] {"seqordersimulation-20261121110000000", "seqordersimulation-20261121120000000",
        "keygensimulation-20261121140000000"}) {
      Files.writeString(Files.createDirectories(results.resolve(name)).resolve("index.html"), "<html></html>");
    }
    Files.createDirectories(results.resolve("seqordersimulation-20261121130000000"));

    assertThat(GatlingRun.latest(results, "SeqOrderSimulation", GatlingRun::hasReport)).get()
        .extracting(g -> g.folder().getFileName().toString()).isEqualTo("seqordersimulation-20261121120000000");
    assertThat(GatlingRun.latest(results, "QueryBenchSimulation", GatlingRun::hasReport)).isEmpty();
    assertThat(GatlingRun.latest(results.resolve("absent"), "SeqOrderSimulation", GatlingRun::hasReport)).isEmpty();
  }

  @Test
  void theWatchFindsTheSimulationLogThisJvmHoldsOpenNotTheNewestFolder() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "Linux only");
    Path mine = Files.createDirectories(results.resolve("querybenchsimulation-20261121120000000"));
    Path newer = Files.createDirectories(results.resolve("querybenchsimulation-20261121130000000"));
    Files.writeString(newer.resolve("simulation.log"), "another run's");
    RunFolderWatch watch = RunFolderWatch.start(results, "QueryBenchSimulation");
    try (FileChannel open = FileChannel.open(mine.resolve("simulation.log"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      assertThat(watch.folder(Duration.ofSeconds(5))).get().extracting(GatlingRun::folder).isEqualTo(mine);
    }
  }

  @Test
  void withoutProcTheWatchTakesTheOldestFolderNamedAfterTheRunStarted() throws Exception {
    Files.createDirectories(results.resolve("querybenchsimulation-20000101000000000"));
    RunFolderWatch watch = RunFolderWatch.start(results, "QueryBenchSimulation", false);
    DateTimeFormatter stamp = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    LocalDateTime now = LocalDateTime.now();
    Path mine = Files.createDirectories(results.resolve("querybenchsimulation-" + stamp.format(now.plusSeconds(1))));
    Files.createDirectories(results.resolve("querybenchsimulation-" + stamp.format(now.plusSeconds(2))));
    assertThat(watch.folder(Duration.ZERO)).get().extracting(GatlingRun::folder).isEqualTo(mine);
  }

  @Test
  void anInjectorsFolderCarriesItsNumberOnceRenamed() throws Exception {
    Path folder = Files.createDirectories(results.resolve("seqordersimulation-20261121120000000"));
    Files.writeString(folder.resolve("simulation.log"), "RUN\n");

    GatlingRun renamed = new GatlingRun(folder).withInjectorNumber(2);

    assertThat(renamed.folder()).isEqualTo(results.resolve("seqordersimulation-injector-2-20261121120000000"));
    assertThat(renamed.simulationLog()).hasContent("RUN");
    assertThat(folder).doesNotExist();
    assertThat(renamed.withInjectorNumber(2)).isEqualTo(renamed);
  }
}

package io.sequela.seqorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.record.RequestRecord;
import io.sequela.testing.ForkedGatling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 28, item 1: two main jobs of one clone started 1 s apart, same results folder, each knows its own run
 * folder by construction (the simulation.log its JVM holds open), so each reconciles its own rows and writes only
 * into its own folder.
 */
@Tag("slow")
class TwoRunsAtOnceTest {

  private static final Pattern RUN_ID = Pattern.compile("sequela run (\\S+) on ");

  @TempDir Path dir;

  @Test
  void twoOverlappingRunsEachReadAndWriteOnlyTheirOwnFolder() throws Exception {
    Path results = dir.resolve("results");
    ForkedGatling a = ForkedGatling.start("SeqOrderSimulation", results, props("a"));
    Thread.sleep(1000);
    ForkedGatling b = ForkedGatling.start("SeqOrderSimulation", results, props("b"));
    assertThat(a.waitFor(240)).as(a.output()).isZero();
    assertThat(b.waitFor(240)).as(b.output()).isZero();
    String idA = runId(a.output());
    String idB = runId(b.output());
    assertThat(idA).isNotEqualTo(idB);
    for (String out : List.of(a.output(), b.output())) {
      assertThat(out).contains("reconciliation: OK = rows on every node").doesNotContain("MISMATCH");
    }
    List<Path> folders;
    try (Stream<Path> f = Files.list(results)) {
      folders = f.filter(Files::isDirectory).toList();
    }
    assertThat(folders).hasSize(2);
    int mentionsA = 0;
    int mentionsB = 0;
    for (Path folder : folders) {
      assertThat(folder.resolve(RequestRecord.FILE)).exists();
      String json = Files.readString(folder.resolve("sequence-gaps.json"));
      assertThat(json.contains(idA) ^ json.contains(idB)).as(folder + " names exactly one of the runs").isTrue();
      mentionsA += json.contains(idA) ? 1 : 0;
      mentionsB += json.contains(idB) ? 1 : 0;
    }
    assertThat(mentionsA).isEqualTo(1);
    assertThat(mentionsB).isEqualTo(1);
  }

  /** Each run its own embedded server (data directory), as two users of one clone would run them. */
  private List<String> props(String run) {
    return List.of("-Dsequela.plan=plans/tiny.json", "-Dsequela.target=embedded",
        "-Dsequela.embedded.dir=" + dir.resolve("pg-" + run), "-Dsequela.history.dir=" + dir.resolve("history-" + run));
  }

  private static String runId(String output) {
    Matcher m = RUN_ID.matcher(output);
    assertThat(m.find()).as(output).isTrue();
    return m.group(1);
  }
}

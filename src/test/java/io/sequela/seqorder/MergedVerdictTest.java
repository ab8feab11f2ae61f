package io.sequela.seqorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.config.PlanLoader;
import io.sequela.config.SequenceMode;
import io.sequela.config.StageNode;
import io.sequela.config.TestSpec;
import io.sequela.db.Dialect;
import io.sequela.db.Pools;
import io.sequela.db.Target;
import io.sequela.design.Block;
import io.sequela.design.BlockResult;
import io.sequela.design.BlockVerdict;
import io.sequela.design.DesignResult;
import io.sequela.gaps.GapAnalysis;
import io.sequela.gaps.GapAnalysisResult;
import io.sequela.gaps.Latencies;
import io.sequela.gaps.TimeBasis;
import io.sequela.testing.EmbeddedDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The block-level verdict of a merged run ({@code sequela report}): each block's latencies from the merged
 * latency.hlog's per-block tags, its rows and span from JOB_EXECUTION by SQL_DATE. Rows written here as the injectors
 * would have left them, on the test JVM's embedded PostgreSQL; ORDER's inserts 500 µs slower than NOORDER's.
 */
class MergedVerdictTest {

  @TempDir Path dir;

  @Test
  void theMergedBlocksGiveTheDesignsVerdictWithTheirOwnSpans() throws Exception {
    Path planFile = Files.writeString(dir.resolve("plan.json"), "{ \"warmup\": 0, \"blocks\": 4, \"order_seed\": 3,"
        + " \"tests\": [ { \"test_name\": \"merged\", \"scenarii\": ["
        + "{ \"node_number\": 1, \"iterations\": 400, \"interval\": 0, \"users\": 2, \"connection\": \"embedded\" } ] } ] }");
    TestSpec t = PlanLoader.load(planFile.toString()).tests().get(0);
    String runId = "merged-" + System.nanoTime();
    Target pg = EmbeddedDb.withJobExecutionSchema();
    LocalDateTime start = LocalDateTime.of(2026, 1, 1, 10, 0);
    Map<String, Histogram> tags = new LinkedHashMap<>();
    Random noise = new Random(1);
    try (Connection c = EmbeddedDb.connect(pg); PreparedStatement ps = c.prepareStatement("INSERT INTO job_execution"
        + " (py_date, sql_date, node, test_name, run_id, seq_mode, block_no) VALUES (?, ?, 1, 'merged', ?, ?, ?)")) {
      for (Block b : SeqOrderDesign.order(t).blocks()) {
        int no = b.position() + 1;
        Histogram h = new Histogram(3);
        // block n: 50 rows 100 ms apart (4.9 s from first to last), blocks 10 s apart
        for (int i = 0; i < 50; i++) {
          Timestamp at = Timestamp.valueOf(start.plusSeconds(10L * b.position()).plusNanos(100_000_000L * i));
          ps.setTimestamp(1, at);
          ps.setTimestamp(2, at);
          ps.setString(3, runId);
          ps.setString(4, b.name());
          ps.setInt(5, no);
          ps.addBatch();
          h.recordValue((b.name().equals("ORDER") ? 1_000 : 500) + noise.nextInt(40));
        }
        tags.put(new StageNode("merged", SequenceMode.valueOf(b.name()), 1, no).tag(), h);
      }
      ps.executeBatch();
    }
    GapAnalysisResult gaps;
    try (var db = Pools.open(pg, "test", 1)) {
      gaps = GapAnalysis.run(db, Dialect.POSTGRESQL, runId, List.of("merged"), TimeBasis.SQL_DATE);
    }

    assertThat(SeqOrderVerdicts.mismatch(List.of(t), gaps)).isEmpty();
    Path other = Files.writeString(dir.resolve("other.json"), Files.readString(planFile).replace("\"blocks\": 4", "\"blocks\": 2"));
    assertThat(SeqOrderVerdicts.mismatch(PlanLoader.load(other.toString()).tests(), gaps)).get().asString()
        .startsWith("test merged: block ").contains("blocks=2");
    DesignResult d = SeqOrderVerdicts.ofMerged(List.of(t), Latencies.ofTags(tags), gaps).get("merged");

    assertThat(d.blocks()).hasSize(8);
    for (BlockResult r : d.blocks()) {
      assertThat(r.rows()).isEqualTo(50);
      assertThat(r.duration().toMillis()).isEqualTo(4_900);
    }
    BlockVerdict v = d.verdict().orElseThrow();
    assertThat(v.a()).isEqualTo("NOORDER");
    assertThat(v.b()).isEqualTo("ORDER");
    assertThat(v.pairs()).isEqualTo(4);
    assertThat(v.medianUs().orElseThrow().estimate()).isBetween(480.0, 520.0);
    assertThat(v.medianUs().orElseThrow().excludesZero()).isTrue();
    assertThat(v.rowsPerSec().orElseThrow().estimate()).isEqualTo(0.0);
  }

  @Test
  void withoutBlockLatenciesTheVerdictStillNamesTheModes() throws Exception {
    Path planFile = Files.writeString(dir.resolve("plan.json"), "{ \"tests\": [ { \"test_name\": \"none\", \"scenarii\": ["
        + "{ \"node_number\": 1, \"iterations\": 40, \"interval\": 0, \"users\": 1, \"connection\": \"embedded\" } ] } ] }");
    TestSpec t = PlanLoader.load(planFile.toString()).tests().get(0);
    BlockVerdict v = SeqOrderVerdicts.verdict(t, List.of()).orElseThrow();
    assertThat(v.toString()).startsWith("ORDER vs NOORDER: too few blocks for an interval: 0 pairs");
  }
}
